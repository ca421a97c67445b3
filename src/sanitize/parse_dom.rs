//! HTML parsing in the browser with `DOMParser`: an inert document (no scripts run, nothing
//! loads), read back into a [`RawNode`] tree.
//!
//! The parsed document is hostile: `<form><input name="nodeType">` replaces `form.nodeType`,
//! and `<img name="body">` replaces `document.body` (DOM clobbering). So every property is read
//! through the getter on the prototype (`Node.prototype.nodeType`…), never from the object.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomParser, SupportedType};

use super::rules::READ_ATTRIBUTES;
use super::{RawElement, RawNode};

const ELEMENT_NODE: f64 = 1.0;
const TEXT_NODE: f64 = 3.0;
const CDATA_SECTION_NODE: f64 = 4.0;
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The prototype getters, looked up once per parse.
struct Getters {
    node_type: Function,
    first_child: Function,
    next_sibling: Function,
    node_value: Function,
    local_name: Function,
    namespace_uri: Function,
    has_attributes: Function,
    get_attribute: Function,
    body: Function,
}

impl Getters {
    fn new() -> Option<Getters> {
        let prototype = |class: &str| -> Option<JsValue> {
            let constructor = Reflect::get(&js_sys::global(), &class.into()).ok()?;
            Reflect::get(&constructor, &"prototype".into()).ok()
        };
        let getter = |proto: &JsValue, name: &str| -> Option<Function> {
            let proto: &js_sys::Object = proto.dyn_ref()?;
            let descriptor = Reflect::get_own_property_descriptor(proto, &name.into()).ok()?;
            Reflect::get(&descriptor, &"get".into())
                .ok()?
                .dyn_into()
                .ok()
        };
        let method = |proto: &JsValue, name: &str| -> Option<Function> {
            Reflect::get(proto, &name.into()).ok()?.dyn_into().ok()
        };
        let node = prototype("Node")?;
        let element = prototype("Element")?;
        let document = prototype("Document")?;
        Some(Getters {
            node_type: getter(&node, "nodeType")?,
            first_child: getter(&node, "firstChild")?,
            next_sibling: getter(&node, "nextSibling")?,
            node_value: getter(&node, "nodeValue")?,
            local_name: getter(&element, "localName")?,
            namespace_uri: getter(&element, "namespaceURI")?,
            has_attributes: method(&element, "hasAttributes")?,
            get_attribute: method(&element, "getAttribute")?,
            body: getter(&document, "body")?,
        })
    }

    fn read(&self, getter: &Function, target: &JsValue) -> JsValue {
        getter.call0(target).unwrap_or(JsValue::UNDEFINED)
    }
}

/// Parses `html` as the body of a document would be parsed.
pub fn parse_fragment(html: &str) -> Vec<RawNode> {
    let parse = || -> Option<Vec<RawNode>> {
        let getters = Getters::new()?;
        let document = DomParser::new()
            .ok()?
            .parse_from_string(html, SupportedType::TextHtml)
            .ok()?;
        let body = getters.read(&getters.body, &document);
        Some(children(&getters, &body, false))
    };
    parse().unwrap_or_default()
}

/// The children of `node`, found by following siblings (one call a node, where a `NodeList`
/// takes two); `foreign` when `node` is in or under an `svg` or `math` element.
fn children(getters: &Getters, node: &JsValue, foreign: bool) -> Vec<RawNode> {
    let mut nodes = Vec::new();
    let mut child = getters.read(&getters.first_child, node);
    while child.is_object() {
        if let Some(node) = convert(getters, &child, foreign) {
            nodes.push(node);
        }
        child = getters.read(&getters.next_sibling, &child);
    }
    nodes
}

fn convert(getters: &Getters, node: &JsValue, foreign: bool) -> Option<RawNode> {
    let kind = getters.read(&getters.node_type, node).as_f64()?;
    if kind == TEXT_NODE || kind == CDATA_SECTION_NODE {
        let text = getters.read(&getters.node_value, node).as_string()?;
        return Some(RawNode::Text(text));
    }
    if kind != ELEMENT_NODE {
        return None;
    }
    let local = getters.read(&getters.local_name, node).as_string()?;
    // An HTML parser makes elements of another namespace only inside an `svg` or `math`
    // element (itself of that namespace): elsewhere the namespace is HTML's, and is not asked.
    let foreign = foreign || local == "svg" || local == "math";
    let name = if !foreign {
        local
    } else {
        match getters
            .read(&getters.namespace_uri, node)
            .as_string()
            .as_deref()
        {
            Some(XHTML) => local,
            _ => format!("foreign:{local}"),
        }
    };
    // Only the attributes the rules read, each looked up by name: walking all of them is
    // quadratic in Blink, and a hostile element may have thousands.
    let attrs = if getters.read(&getters.has_attributes, node).is_truthy() {
        READ_ATTRIBUTES
            .iter()
            .filter_map(|&name| {
                let value = getters
                    .get_attribute
                    .call1(node, &JsValue::from_str(name))
                    .ok()?
                    .as_string()?;
                Some((name.to_owned(), value))
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(RawNode::Element(RawElement {
        name,
        attrs,
        children: children(getters, node, foreign),
    }))
}
