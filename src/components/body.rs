use yew::prelude::*;

use std::rc::Rc;

use crate::model::{Article, Node};

#[derive(Properties, PartialEq)]
pub struct BodyViewProps {
    /// The article whose body is shown (shared, so a long body is never copied to render it).
    pub article: Rc<Article>,
}

/// The article body. Element names come from the allowlisted [`crate::model::Tag`] and text is
/// always set as text, so nothing in a body can become markup.
#[component]
pub fn BodyView(props: &BodyViewProps) -> Html {
    html! {
        <div part="body" class="body">
            { for props.article.body.nodes.iter().map(render_node) }
        </div>
    }
}

fn render_node(node: &Node) -> Html {
    match node {
        Node::Text(text) => html! { { text.clone() } },
        Node::Element(element) => html! {
            <@{element.tag.name()}>
                { for element.children.iter().map(render_node) }
            </@>
        },
    }
}
