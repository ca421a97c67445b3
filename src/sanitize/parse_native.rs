//! Native HTML parsing with html5ever (server rendering and tests).

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment as html5_parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::rules::READ_ATTRIBUTES;
use super::{RawElement, RawNode};

/// Parses `html` as the body of a document would be parsed.
pub fn parse_fragment(html: &str) -> Vec<RawNode> {
    let dom = html5_parse_fragment(
        RcDom::default(),
        ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
        false,
    )
    .one(html);
    // The fragment parser wraps its result in an <html> element.
    let document = dom.document.children.borrow();
    document
        .iter()
        .flat_map(|root| {
            root.children
                .borrow()
                .iter()
                .filter_map(convert)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn convert(node: &Handle) -> Option<RawNode> {
    match &node.data {
        NodeData::Text { contents } => Some(RawNode::Text(contents.borrow().to_string())),
        NodeData::Element {
            name,
            attrs,
            template_contents,
            ..
        } => {
            // SVG and MathML elements keep their names; anything outside HTML is dropped by
            // the rules whatever it is called, so mark it.
            let local = name.local.to_string();
            let element_name = if name.ns == ns!(html) {
                local
            } else {
                format!("foreign:{local}")
            };
            let children = match template_contents.borrow().as_ref() {
                Some(contents) => contents
                    .children
                    .borrow()
                    .iter()
                    .filter_map(convert)
                    .collect(),
                None => node.children.borrow().iter().filter_map(convert).collect(),
            };
            Some(RawNode::Element(RawElement {
                name: element_name,
                attrs: attrs
                    .borrow()
                    .iter()
                    .filter(|a| a.name.ns == ns!() && READ_ATTRIBUTES.contains(&&*a.name.local))
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect(),
                children,
            }))
        }
        _ => None,
    }
}
