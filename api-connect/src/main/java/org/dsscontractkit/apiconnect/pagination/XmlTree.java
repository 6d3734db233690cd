package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * XML bodies as a JSON-like tree, the way the plugin's xmltodict does: attributes as {@code @name}, text next to
 * attributes or children as {@code #text}, repeated tags as arrays, a text-only element as its text. DTDs and
 * external entities are refused (XXE).
 */
public final class XmlTree {
    /** Content types the plugin treats as XML. */
    public static final Set<String> CONTENT_TYPES = Set.of("text/xml", "application/xml", "application/soap+xml",
            "application/atom+xml", "application/rss+xml");

    private XmlTree() {
    }

    /** The tree, or null when the bytes are not well-formed XML (the caller then keeps the raw text). */
    public static JsonNode parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // the default one prints "[Fatal Error]" on stderr
            Document doc = builder.parse(new ByteArrayInputStream(xml));
            Element root = doc.getDocumentElement();
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set(root.getTagName(), element(root));
            return out;
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode element(Element e) {
        ObjectNode obj = JsonNodeFactory.instance.objectNode();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            obj.put("@" + a.getNodeName(), a.getNodeValue());
        }
        Set<String> repeated = new HashSet<>();
        StringBuilder text = new StringBuilder();
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node c = children.item(i);
            if (c instanceof Element child) {
                String tag = child.getTagName();
                JsonNode value = element(child);
                JsonNode existing = obj.get(tag);
                if (existing == null) {
                    obj.set(tag, value);
                } else if (repeated.contains(tag)) {
                    ((ArrayNode) existing).add(value);
                } else {
                    obj.set(tag, JsonNodeFactory.instance.arrayNode().add(existing).add(value));
                    repeated.add(tag);
                }
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(c.getNodeValue());
            }
        }
        String t = text.toString().strip();
        if (obj.isEmpty()) return t.isEmpty() ? NullNode.instance : TextNode.valueOf(t);
        if (!t.isEmpty()) obj.put("#text", t);
        return obj;
    }
}
