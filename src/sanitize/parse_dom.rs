//! HTML parsing in the browser with `DOMParser`: an inert document (no scripts run, nothing
//! loads), read back into a [`RawNode`] tree.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Node, SupportedType};

use super::{RawElement, RawNode};

/// Parses `html` as the body of a document would be parsed.
pub fn parse_fragment(html: &str) -> Vec<RawNode> {
    let Ok(parser) = DomParser::new() else {
        return Vec::new();
    };
    let Ok(document) = parser.parse_from_string(html, SupportedType::TextHtml) else {
        return Vec::new();
    };
    let Some(body) = document.body() else {
        return Vec::new();
    };
    children(&body)
}

fn children(node: &Node) -> Vec<RawNode> {
    let list = node.child_nodes();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|child| convert(&child))
        .collect()
}

fn convert(node: &Node) -> Option<RawNode> {
    match node.node_type() {
        Node::TEXT_NODE => Some(RawNode::Text(node.node_value().unwrap_or_default())),
        Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.unchecked_ref();
            let local = element.local_name();
            let name = match element.namespace_uri().as_deref() {
                Some("http://www.w3.org/1999/xhtml") => local,
                _ => format!("foreign:{local}"),
            };
            let attributes = element.attributes();
            let attrs = (0..attributes.length())
                .filter_map(|i| attributes.item(i))
                .map(|a| (a.local_name(), a.value()))
                .collect();
            Some(RawNode::Element(RawElement {
                name,
                attrs,
                children: children(node),
            }))
        }
        _ => None,
    }
}
