//! The words of a sanitized body, as the text properties compare them (natively and in the
//! browser): an independent reading of the tree, not the model's own `Body::text`.

use article_reader::model::{Body, Node};
use article_reader::text::collapse_whitespace;

/// The text of a sanitized body, blocks apart. The link cards that stand in for video players
/// count as the players did in the source: boxes without words.
pub fn body_text(body: &Body) -> String {
    fn walk(nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(e) => {
                    let separates = !e.tag.is_inline();
                    if separates {
                        out.push(' ');
                    }
                    walk(&e.children, out);
                    if separates {
                        out.push(' ');
                    }
                }
                Node::VideoLink { .. } => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    walk(body.nodes(), &mut out);
    collapse_whitespace(&out)
}
