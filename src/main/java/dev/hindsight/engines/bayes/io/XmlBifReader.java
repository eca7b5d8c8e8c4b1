package dev.hindsight.engines.bayes.io;

import dev.hindsight.engines.bayes.BayesianNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads XMLBIF 0.3: {@code <BIF><NETWORK>} with {@code <VARIABLE>} (NAME, OUTCOME*, PROPERTY*) and
 * {@code <DEFINITION>} (FOR, GIVEN*, TABLE) elements; element names are matched case-insensitively. TABLE values
 * list the parent configurations in GIVEN order with the last parent varying fastest and the FOR variable's states
 * fastest within each. The parser resolves no external entities or DTDs (XXE-safe); an internal DOCTYPE is allowed.
 */
public final class XmlBifReader {

    private XmlBifReader() {}

    /**
     * Reads an XMLBIF file.
     *
     * @throws IOException when the file cannot be read
     * @throws NetworkFormatException when the XML is malformed or lacks a required element
     * @throws dev.hindsight.engines.bayes.NetworkValidationException when the network is inconsistent
     */
    public static BayesianNetwork read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new InputSource(in));
        }
    }

    /** Parses XMLBIF text; throws as {@link #read(Path)} does. Never returns null. */
    public static BayesianNetwork parse(String xml) {
        try {
            return parse(new InputSource(new StringReader(xml)));
        } catch (IOException e) {
            throw new NetworkFormatException("cannot read XMLBIF: " + e.getMessage(), e);
        }
    }

    private static BayesianNetwork parse(InputSource source) throws IOException {
        Document document;
        try {
            DocumentBuilder parser = secureFactory().newDocumentBuilder();
            parser.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' is not allowed");
            });
            parser.setErrorHandler(null);
            document = parser.parse(source);
        } catch (SAXException e) {
            throw new NetworkFormatException("malformed XMLBIF: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        }
        Element root = document.getDocumentElement();
        Element network = is(root, "NETWORK") ? root : only(root, "NETWORK");
        BayesianNetwork.Builder builder = BayesianNetwork.builder();
        Element name = first(network, "NAME");
        if (name != null) {
            builder.name(name.getTextContent().trim());
        }
        for (Element variable : children(network, "VARIABLE")) {
            String variableName = text(only(variable, "NAME"), "VARIABLE/NAME");
            List<String> outcomes = new ArrayList<>();
            for (Element outcome : children(variable, "OUTCOME")) {
                outcomes.add(text(outcome, "OUTCOME of '" + variableName + "'"));
            }
            builder.variable(variableName, outcomes);
        }
        for (Element definition : children(network, "DEFINITION")) {
            String child = text(only(definition, "FOR"), "DEFINITION/FOR");
            List<String> given = new ArrayList<>();
            for (Element parent : children(definition, "GIVEN")) {
                given.add(text(parent, "GIVEN of '" + child + "'"));
            }
            String table = only(definition, "TABLE").getTextContent().trim();
            String[] words = table.isEmpty() ? new String[0] : table.split("[\\s,]+");
            double[] values = new double[words.length];
            for (int i = 0; i < words.length; i++) {
                try {
                    values[i] = Double.parseDouble(words[i]);
                } catch (NumberFormatException e) {
                    throw new NetworkFormatException(
                            "TABLE of '" + child + "' holds '" + words[i] + "', which is not a probability");
                }
            }
            builder.parents(child, given).table(child, values);
        }
        return builder.build();
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private static boolean is(Node node, String name) {
        return node instanceof Element e
                && e.getTagName().toUpperCase(Locale.ROOT).equals(name);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, name)) {
                result.add((Element) n);
            }
        }
        return result;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new NetworkFormatException(
                    "<" + parent.getTagName() + "> must contain exactly one <" + name + ">, found " + found.size());
        }
        return found.get(0);
    }

    private static String text(Element element, String what) {
        String text = element.getTextContent().trim();
        if (text.isEmpty()) {
            throw new NetworkFormatException(what + " is empty");
        }
        return text;
    }
}
