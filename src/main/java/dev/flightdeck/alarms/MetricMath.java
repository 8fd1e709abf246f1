package dev.flightdeck.alarms;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A metric-math expression of an SLO series, e.g. {@code total - errors}: numbers, metric names
 * ({@code [a-z][a-zA-Z0-9_]*}), {@code + - * /}, unary minus and parentheses, with the usual precedence. It is
 * evaluated here per bucket (CloudWatch evaluates its own metric math per period too), not by CloudWatch.
 */
public final class MetricMath {

    private final String text;
    private final Node root;
    private final Set<String> names;

    private MetricMath(String text, Node root, Set<String> names) {
        this.text = text;
        this.root = root;
        this.names = Collections.unmodifiableSet(names);
    }

    /**
     * @param known the metric names the expression may use
     * @throws Invalid naming the first problem, with its position (1-based) where it has one
     */
    public static MetricMath parse(String text, Collection<String> known) {
        Parser p = new Parser(text);
        Node root = p.sum();
        if (p.peek() == ')') {
            throw new Invalid("unexpected ')' at position " + (p.at + 1));
        }
        if (p.peek() != Parser.END) {
            throw new Invalid("expected an operator (+ - * /) at position " + (p.at + 1));
        }
        for (String name : p.names) {
            if (!known.contains(name)) {
                throw new Invalid("unknown metric '" + name + "' (known: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        }
        return new MetricMath(text, root, p.names);
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** The metric names it uses, in order of first use. */
    public Set<String> names() {
        return names;
    }

    /**
     * The value for one bucket; a name without a value counts as 0 (as CloudWatch's {@code FILL(m, 0)}).
     *
     * @return empty when it divides by zero
     */
    public OptionalDouble evaluate(Map<String, Double> values) {
        double v = root.value(values);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricMath m && m.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** What is wrong with an expression, said for the team file. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    private sealed interface Node {
        /** NaN (which every operation carries on) once a division by zero happened. */
        double value(Map<String, Double> values);
    }

    private record Num(double n) implements Node {
        public double value(Map<String, Double> values) {
            return n;
        }
    }

    private record Ref(String name) implements Node {
        public double value(Map<String, Double> values) {
            return values.getOrDefault(name, 0.0);
        }
    }

    private record Neg(Node of) implements Node {
        public double value(Map<String, Double> values) {
            return -of.value(values);
        }
    }

    private record Op(char op, Node left, Node right) implements Node {
        public double value(Map<String, Double> values) {
            double l = left.value(values);
            double r = right.value(values);
            return switch (op) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                default -> r == 0 ? Double.NaN : l / r;
            };
        }
    }

    /** Recursive descent: sum := product (('+'|'-') product)*, product := unary (('*'|'/') unary)*. */
    private static final class Parser {
        static final char END = '\0';
        final String s;
        final Set<String> names = new LinkedHashSet<>();
        int at;

        Parser(String s) {
            this.s = s;
        }

        char peek() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
            return at < s.length() ? s.charAt(at) : END;
        }

        Node sum() {
            Node n = product();
            for (char c = peek(); c == '+' || c == '-'; c = peek()) {
                at++;
                n = new Op(c, n, product());
            }
            return n;
        }

        Node product() {
            Node n = unary();
            for (char c = peek(); c == '*' || c == '/'; c = peek()) {
                at++;
                n = new Op(c, n, unary());
            }
            return n;
        }

        Node unary() {
            if (peek() == '-') {
                at++;
                return new Neg(unary());
            }
            return primary();
        }

        Node primary() {
            char c = peek();
            int start = at;
            if (c == '(') {
                at++;
                Node inner = sum();
                if (peek() != ')') {
                    throw new Invalid("expected ')' to close the '(' at position " + (start + 1) + " at " + where());
                }
                at++;
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                while (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) {
                    at++;
                }
                try {
                    return new Num(Double.parseDouble(s.substring(start, at)));
                } catch (NumberFormatException e) {
                    throw new Invalid("'" + s.substring(start, at) + "' at position " + (start + 1)
                            + " is not a number");
                }
            }
            if (c >= 'a' && c <= 'z') {
                while (at < s.length() && nameChar(s.charAt(at))) {
                    at++;
                }
                String name = s.substring(start, at);
                names.add(name);
                return new Ref(name);
            }
            throw new Invalid("expected a number, a metric name or '(' at " + where());
        }

        static boolean nameChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }

        /** "position 9", or "position 9 (the end)" past the last character. */
        String where() {
            return "position " + (at + 1) + (at >= s.length() ? " (the end)" : "");
        }
    }
}
