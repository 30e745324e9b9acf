package dev.e911.carrier.bandwidth.internal;

import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;

/**
 * Reading and writing Bandwidth's payloads: XML for the Dashboard API (through an {@link XmlMapper}
 * whose {@link XMLInputFactory} has DTDs, external entities and entity replacement switched off
 * explicitly, and which refuses any DOCTYPE before parsing), JSON for the ES API; both bounded in
 * size <em>before</em> a parser sees a byte and limited in nesting and string length. Reading gives
 * a tree that {@link Nodes} navigates case-insensitively; a payload that cannot be read is a
 * {@link MalformedPayloadException} with a message that never quotes the payload.
 */
public final class Payloads {

  private static final int MAX_NESTING = 32;
  private static final int MAX_STRING = 64 * 1024;

  private final int maxBytes;
  private final XmlMapper xml;
  private final ObjectMapper json;

  /** Payloads of at most {@code maxBytes} bytes. */
  public Payloads(int maxBytes) {
    this.maxBytes = maxBytes;
    XMLInputFactory in = new WstxInputFactory();
    in.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    in.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
    in.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
    in.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new javax.xml.stream.XMLStreamException("external resources are never resolved");
    });
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING).maxDocumentLength(maxBytes).build();
    XmlFactory xmlFactory = XmlFactory.builder().xmlInputFactory(in).streamReadConstraints(limits).build();
    this.xml = XmlMapper.builder(xmlFactory)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
        .build();
    JsonFactory jsonFactory = JsonFactory.builder().streamReadConstraints(limits).build();
    this.json = JsonMapper.builder(jsonFactory)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
        .build();
  }

  /** The size bound. */
  public int maxBytes() {
    return maxBytes;
  }

  /** A new empty object to fill in. */
  public ObjectNode object() {
    return json.createObjectNode();
  }

  /** Reads an XML document into a tree (the root element's name is dropped, its children are the fields). */
  public JsonNode readXml(byte[] body) {
    String text = bounded(body, "XML");
    String head = text.length() > 4096 ? text.substring(0, 4096) : text;
    if (head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE") || text.toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
      throw new MalformedPayloadException("the XML carries a DOCTYPE or entity declaration, which is never accepted");
    }
    try {
      JsonNode node = xml.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedPayloadException("the XML body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedPayloadException("the body is not well-formed XML" + where(e));
    }
  }

  /** Reads a JSON document into a tree. */
  public JsonNode readJson(byte[] body) {
    String text = bounded(body, "JSON");
    try {
      JsonNode node = json.readTree(text);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw new MalformedPayloadException("the JSON body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedPayloadException("the body is not well-formed JSON" + where(e));
    }
  }

  /** Writes {@code node} as an XML document with root element {@code root}. */
  public byte[] writeXml(String root, ObjectNode node) {
    try {
      return xml.writer().withRootName(root).writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + root, e);
    }
  }

  /** Writes {@code node} as JSON. */
  public byte[] writeJson(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private String bounded(byte[] body, String what) {
    if (body.length > maxBytes) {
      throw new MalformedPayloadException("the " + what + " body is " + body.length + " bytes, the limit is " + maxBytes);
    }
    if (body.length == 0) {
      throw new MalformedPayloadException("the " + what + " body is empty");
    }
    return new String(body, StandardCharsets.UTF_8);
  }
}
