package dev.hindsight.engines.faulttree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads fault trees from Open-PSA Model Exchange Format (MEF) XML. Several files are read as one model (for example a
 * tree and a separate file of basic-event probabilities). Supported: {@code define-fault-tree}, {@code model-data},
 * {@code define-component} (names inside are prefixed with the component name and looked up from the inside out),
 * {@code define-gate}, {@code define-basic-event}, {@code define-house-event}, {@code define-parameter}, {@code label},
 * {@code attributes}; the formulas {@code and, or, atleast, cardinality, not, xor, nand, nor, iff, imply, null} (nested
 * or not) and references {@code event, gate, basic-event, house-event}; the expressions {@code float, int, bool,
 * parameter, system-mission-time, mul, add, sub, div, neg, exponential, GLM, weibull, periodic-test} (4
 * arguments: rate, test interval, first test, time) and the deviates {@code lognormal-deviate, normal-deviate, uniform-deviate, beta-deviate, gamma-deviate},
 * which are replaced by their mean. A basic event without an expression gets probability NaN. DOCTYPE declarations and external entities are refused. Instances are immutable and
 * thread-safe.
 */
public final class MefImporter {

    /** The default mission time of MEF, in hours. */
    public static final double DEFAULT_MISSION_TIME = 8760;

    private final double missionTime;

    /** An importer with the default mission time of 8760 hours. */
    public MefImporter() {
        this(DEFAULT_MISSION_TIME);
    }

    /** An importer using {@code missionTime} hours for {@code system-mission-time}; throws when negative. */
    public MefImporter(double missionTime) {
        if (!(missionTime >= 0)) {
            throw new IllegalArgumentException("mission time must be >= 0, got " + missionTime);
        }
        this.missionTime = missionTime;
    }

    /** Reads the files as one model whose top gate is the first gate no other gate references. */
    public FaultTree read(List<Path> files) {
        return read(files, null);
    }

    /**
     * Reads the files as one model.
     *
     * @param files one or more MEF files, never null or empty
     * @param topGate the top gate's name, or null for the first gate that no other gate references
     * @return the tree, never null
     * @throws MefException when a file is missing, unreadable, not well-formed, uses an unsupported element or refers
     *     to something undefined; the message names the file and line
     */
    public FaultTree read(List<Path> files, String topGate) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no MEF file given");
        }
        List<Element> roots = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                roots.add(parse(in, file.toString()));
            } catch (NoSuchFileException e) {
                throw new MefException(file.toString(), 0, "file not found");
            } catch (IOException e) {
                throw new MefException(file.toString(), 0, "cannot read: " + e.getMessage());
            }
        }
        return build(roots, topGate);
    }

    /** Reads one MEF document from a stream (not closed); {@code sourceName} appears in error messages. */
    public FaultTree read(InputStream in, String sourceName, String topGate) {
        return build(List.of(parse(in, sourceName)), topGate);
    }

    /** Reads one MEF document held in a string. */
    public FaultTree readString(String xml, String topGate) {
        return read(
                new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "<string>",
                topGate);
    }

    private static final class Element {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final String source;
        final int line;

        Element(String name, String source, int line) {
            this.name = name;
            this.source = source;
            this.line = line;
        }

        MefException error(String message) {
            return new MefException(source, line, message);
        }

        String required(String attribute) {
            String v = attributes.get(attribute);
            if (v == null || v.isBlank()) {
                throw error("<" + name + "> needs the attribute '" + attribute + "'");
            }
            return v.trim();
        }
    }

    private static Element parse(InputStream in, String source) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            SAXParser parser = factory.newSAXParser();
            Element[] root = new Element[1];
            parser.parse(in, new DefaultHandler() {
                private Locator locator;
                private final Deque<Element> stack = new ArrayDeque<>();

                @Override
                public void setDocumentLocator(Locator l) {
                    this.locator = l;
                }

                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    Element e = new Element(qName, source, locator != null ? locator.getLineNumber() : 0);
                    for (int i = 0; i < atts.getLength(); i++) {
                        e.attributes.put(atts.getQName(i), atts.getValue(i));
                    }
                    if (stack.isEmpty()) {
                        root[0] = e;
                    } else {
                        stack.peek().children.add(e);
                    }
                    stack.push(e);
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    stack.pop();
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(ch, start, length);
                    }
                }
            });
            if (!root[0].name.equals("opsa-mef")) {
                throw root[0].error("the root element must be <opsa-mef>, found <" + root[0].name + ">");
            }
            return root[0];
        } catch (SAXParseException e) {
            throw new MefException(source, e.getLineNumber(), "malformed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw new MefException(source, 0, "malformed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new MefException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    private record Definition(String fullName, Element element, String scope) {}

    private final class Model {
        final Map<String, Definition> gates = new LinkedHashMap<>();
        final Map<String, Definition> basicEvents = new LinkedHashMap<>();
        final Map<String, Definition> houseEvents = new LinkedHashMap<>();
        final Map<String, Definition> parameters = new LinkedHashMap<>();
        final Map<String, Double> parameterValues = new HashMap<>();
        final Set<String> evaluating = new HashSet<>();
        String treeName;

        void define(Map<String, Definition> kind, Element e, String scope) {
            String name = qualified(scope, e.required("name"));
            List<Map<String, Definition>> clashing =
                    kind == parameters ? List.of(parameters) : List.of(gates, basicEvents, houseEvents);
            for (Map<String, Definition> other : clashing) {
                Definition d = other.get(name);
                if (d != null) {
                    throw e.error("'" + name + "' is already defined at " + d.element.source + ":" + d.element.line);
                }
            }
            kind.put(name, new Definition(name, e, scope));
        }

        double expression(String scope, Element e) {
            return evaluate(this, scope, e);
        }

        void container(Element c, String scope) {
            for (Element e : c.children) {
                switch (e.name) {
                    case "define-gate" -> define(gates, e, scope);
                    case "define-basic-event" -> define(basicEvents, e, scope);
                    case "define-house-event" -> define(houseEvents, e, scope);
                    case "define-parameter" -> define(parameters, e, scope);
                    case "define-component" -> {
                        String role = e.attributes.getOrDefault("role", "public");
                        String inner = role.equals("private") ? qualified(scope, e.required("name")) : scope;
                        container(e, inner);
                    }
                    case "label", "attributes" -> {}
                    default -> throw e.error("unsupported element <" + e.name + "> in <" + c.name + ">");
                }
            }
        }

        Definition resolve(Map<String, Definition> kind, String scope, String name) {
            String s = scope;
            while (true) {
                Definition d = kind.get(qualified(s, name));
                if (d != null) {
                    return d;
                }
                if (s.isEmpty()) {
                    return null;
                }
                int dot = s.lastIndexOf('.');
                s = dot < 0 ? "" : s.substring(0, dot);
            }
        }

        double parameter(String scope, Element ref) {
            String name = ref.required("name");
            Definition d = resolve(parameters, scope, name);
            if (d == null) {
                throw ref.error("parameter '" + name + "' is not defined");
            }
            Double v = parameterValues.get(d.fullName);
            if (v != null) {
                return v;
            }
            if (!evaluating.add(d.fullName)) {
                throw ref.error("parameter '" + d.fullName + "' is defined in terms of itself");
            }
            double value = expression(d.scope, valueElement(d.element));
            evaluating.remove(d.fullName);
            parameterValues.put(d.fullName, value);
            return value;
        }
    }

    private static String qualified(String scope, String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }

    private static Element valueElement(Element def) {
        Element value = null;
        for (Element c : def.children) {
            if (c.name.equals("label") || c.name.equals("attributes")) {
                continue;
            }
            if (value != null) {
                throw c.error("<" + def.name + "> has more than one value element");
            }
            value = c;
        }
        if (value == null) {
            throw def.error("<" + def.name + " name=\"" + def.attributes.get("name") + "\"> has no value");
        }
        return value;
    }

    private FaultTree build(List<Element> roots, String topGate) {
        Model m = new Model();
        for (Element root : roots) {
            for (Element e : root.children) {
                switch (e.name) {
                    case "define-fault-tree" -> {
                        if (m.treeName == null) {
                            m.treeName = e.attributes.getOrDefault("name", "fault-tree");
                        }
                        m.container(e, "");
                    }
                    case "model-data" -> m.container(e, "");
                    case "label", "attributes" -> {}
                    default ->
                        throw e.error("unsupported element <" + e.name + "> (only define-fault-tree and"
                                + " model-data are read)");
                }
            }
        }
        if (m.gates.isEmpty()) {
            throw new MefException(roots.get(0).source, 0, "no <define-gate> found");
        }
        List<Gate> gates = new ArrayList<>();
        for (Definition d : m.gates.values()) {
            Element body = valueElement(d.element);
            Argument a = argument(m, d.scope, body);
            Formula f = a instanceof Formula formula ? formula : new Formula(Connective.NULL, 0, 0, List.of(a));
            gates.add(new Gate(d.fullName, f, label(d.element)));
        }
        List<BasicEvent> basics = new ArrayList<>();
        for (Definition d : m.basicEvents.values()) {
            Element value = null;
            for (Element c : d.element.children) {
                if (!c.name.equals("label") && !c.name.equals("attributes")) {
                    value = c;
                }
            }
            double prob = value == null ? Double.NaN : m.expression(d.scope, value);
            if (value != null && !(prob >= 0 && prob <= 1)) {
                throw d.element.error("basic event '" + d.fullName + "' has probability " + prob + ", outside [0, 1]");
            }
            basics.add(new BasicEvent(d.fullName, prob, label(d.element)));
        }
        List<HouseEvent> houses = new ArrayList<>();
        for (Definition d : m.houseEvents.values()) {
            boolean state = false;
            for (Element c : d.element.children) {
                if (c.name.equals("constant") || c.name.equals("bool")) {
                    String v = c.required("value").toLowerCase(java.util.Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        throw c.error("house event constant must be true or false, got '" + v + "'");
                    }
                    state = v.equals("true");
                } else if (!c.name.equals("label") && !c.name.equals("attributes")) {
                    throw c.error("unsupported element <" + c.name + "> in <define-house-event>");
                }
            }
            houses.add(new HouseEvent(d.fullName, state, label(d.element)));
        }
        String top = topGate != null ? topGate : FaultTreeBuilder.defaultTop(gates);
        if (!m.gates.containsKey(top)) {
            throw new MefException(roots.get(0).source, 0, "top gate '" + top + "' is not defined");
        }
        try {
            return new FaultTree(m.treeName != null ? m.treeName : "fault-tree", top, gates, basics, houses);
        } catch (IllegalArgumentException e) {
            throw new MefException(roots.get(0).source, 0, e.getMessage());
        }
    }

    private static String label(Element def) {
        for (Element c : def.children) {
            if (c.name.equals("label")) {
                return c.text.toString().trim();
            }
        }
        return null;
    }

    private Argument argument(Model m, String scope, Element e) {
        switch (e.name) {
            case "event", "gate", "basic-event", "house-event" -> {
                String name = e.required("name");
                String type = e.name.equals("event") ? e.attributes.get("type") : e.name;
                Definition d = null;
                if (type == null || type.equals("gate")) {
                    d = m.resolve(m.gates, scope, name);
                }
                if (d == null && (type == null || type.equals("basic-event"))) {
                    d = m.resolve(m.basicEvents, scope, name);
                }
                if (d == null && (type == null || type.equals("house-event"))) {
                    d = m.resolve(m.houseEvents, scope, name);
                }
                if (d == null) {
                    throw e.error((type == null ? "event" : type) + " '" + name + "' is not defined");
                }
                return new EventRef(d.fullName);
            }
            default -> {
                Connective c = Connective.fromMef(e.name);
                if (c == null) {
                    throw e.error("unsupported formula element <" + e.name + ">");
                }
                List<Argument> args = new ArrayList<>();
                for (Element child : e.children) {
                    args.add(argument(m, scope, child));
                }
                int min = 0;
                int max = 0;
                if (c == Connective.ATLEAST || c == Connective.CARDINALITY) {
                    min = integer(e, "min");
                }
                if (c == Connective.CARDINALITY) {
                    max = integer(e, "max");
                }
                try {
                    return new Formula(c, min, max, args);
                } catch (IllegalArgumentException ex) {
                    throw e.error(ex.getMessage());
                }
            }
        }
    }

    private static int integer(Element e, String attribute) {
        String v = e.required(attribute);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException ex) {
            throw e.error("attribute " + attribute + "=\"" + v + "\" is not an integer");
        }
    }

    private double number(Element e) {
        String v = e.required("value");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            throw e.error("value=\"" + v + "\" is not a number");
        }
    }

    private double evaluate(Model m, String scope, Element e) {
        List<Element> args = e.children;
        return switch (e.name) {
            case "float", "int" -> number(e);
            case "bool" -> {
                String v = e.required("value");
                yield v.equalsIgnoreCase("true") ? 1 : 0;
            }
            case "parameter" -> m.parameter(scope, e);
            case "system-mission-time" -> missionTime;
            case "mul" -> {
                double r = 1;
                for (Element a : atLeastArgs(e, 1)) {
                    r *= evaluate(m, scope, a);
                }
                yield r;
            }
            case "add" -> {
                double r = 0;
                for (Element a : atLeastArgs(e, 1)) {
                    r += evaluate(m, scope, a);
                }
                yield r;
            }
            case "sub", "div" -> {
                List<Element> xs = atLeastArgs(e, 2);
                double r = evaluate(m, scope, xs.get(0));
                for (Element a : xs.subList(1, xs.size())) {
                    double x = evaluate(m, scope, a);
                    r = e.name.equals("sub") ? r - x : r / x;
                }
                yield r;
            }
            case "neg" -> -evaluate(m, scope, exactArgs(e, 1).get(0));
            case "exponential" -> {
                List<Element> xs = exactArgs(e, 2);
                yield -Math.expm1(-evaluate(m, scope, xs.get(0)) * evaluate(m, scope, xs.get(1)));
            }
            case "GLM" -> {
                List<Element> xs = exactArgs(e, 4);
                double gamma = evaluate(m, scope, xs.get(0));
                double lambda = evaluate(m, scope, xs.get(1));
                double mu = evaluate(m, scope, xs.get(2));
                double t = evaluate(m, scope, xs.get(3));
                double r = lambda + mu;
                yield r == 0 ? gamma : (lambda - (lambda - r * gamma) * Math.exp(-r * t)) / r;
            }
            case "weibull" -> {
                List<Element> xs = exactArgs(e, 4);
                double alpha = evaluate(m, scope, xs.get(0));
                double beta = evaluate(m, scope, xs.get(1));
                double t0 = evaluate(m, scope, xs.get(2));
                double t = evaluate(m, scope, xs.get(3));
                yield t <= t0 ? 0 : -Math.expm1(-Math.pow((t - t0) / alpha, beta));
            }
            case "periodic-test" -> {
                if (args.size() != 4) {
                    throw e.error("periodic-test is supported with 4 arguments (lambda, tau, theta, time), got "
                            + args.size());
                }
                double lambda = evaluate(m, scope, args.get(0));
                double tau = evaluate(m, scope, args.get(1));
                double theta = evaluate(m, scope, args.get(2));
                double t = evaluate(m, scope, args.get(3));
                if (tau <= 0) {
                    throw e.error("periodic-test interval must be positive, got " + tau);
                }
                double since = t <= theta ? t : (t - theta) % tau;
                yield -Math.expm1(-lambda * since);
            }
            case "lognormal-deviate" -> {
                if (args.size() == 2) {
                    double mu = evaluate(m, scope, args.get(0));
                    double sigma = evaluate(m, scope, args.get(1));
                    yield Math.exp(mu + sigma * sigma / 2);
                }
                yield evaluate(m, scope, exactArgs(e, 3).get(0));
            }
            case "normal-deviate" -> evaluate(m, scope, exactArgs(e, 2).get(0));
            case "uniform-deviate" -> {
                List<Element> xs = exactArgs(e, 2);
                yield (evaluate(m, scope, xs.get(0)) + evaluate(m, scope, xs.get(1))) / 2;
            }
            case "beta-deviate" -> {
                List<Element> xs = exactArgs(e, 2);
                double a = evaluate(m, scope, xs.get(0));
                double b = evaluate(m, scope, xs.get(1));
                yield a / (a + b);
            }
            case "gamma-deviate" -> {
                List<Element> xs = exactArgs(e, 2);
                yield evaluate(m, scope, xs.get(0)) * evaluate(m, scope, xs.get(1));
            }
            default -> throw e.error("unsupported expression <" + e.name + ">");
        };
    }

    private static List<Element> exactArgs(Element e, int n) {
        if (e.children.size() != n) {
            throw e.error("<" + e.name + "> takes " + n + " arguments, got " + e.children.size());
        }
        return e.children;
    }

    private static List<Element> atLeastArgs(Element e, int n) {
        if (e.children.size() < n) {
            throw e.error("<" + e.name + "> takes at least " + n + " arguments, got " + e.children.size());
        }
        return e.children;
    }
}
