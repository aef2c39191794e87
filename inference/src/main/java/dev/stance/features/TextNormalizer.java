package dev.stance.features;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Text normalisation as a chain of named steps. The names are stored in the model manifest, and training and
 * scoring both rebuild the chain from that list, so an exported model sees text exactly as it did in training.
 */
public final class TextNormalizer {
    /** Steps known to this version; an unknown name is rejected rather than skipped. */
    public static final List<String> KNOWN_STEPS = List.of("nfkc", "quotes", "dashes", "lowercase", "digits", "whitespace");

    private static final String QUOTE_CHARS = "«»„“”‟\"‹›";
    private static final String APOSTROPHE_CHARS = "‘’‚`´";
    private static final String DASH_CHARS = "‐‑‒–—―−";

    private final List<String> steps;
    private final List<UnaryOperator<String>> ops;

    public TextNormalizer(List<String> steps) {
        this.steps = List.copyOf(steps);
        List<UnaryOperator<String>> list = new ArrayList<>();
        for (String s : steps) {
            list.add(step(s));
        }
        this.ops = list;
    }

    public List<String> steps() {
        return steps;
    }

    public String apply(String text) {
        String t = text == null ? "" : text;
        for (UnaryOperator<String> op : ops) {
            t = op.apply(t);
        }
        return t;
    }

    /** Char-by-char mapping; these steps run on every scored sentence, so no regex. */
    private interface CharMap {
        char map(char c);
    }

    private static String mapChars(String s, CharMap f) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char m = f.map(c);
            if (m != c) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = m;
            }
        }
        return out == null ? s : new String(out);
    }

    private static char quote(char c) {
        if (QUOTE_CHARS.indexOf(c) >= 0) {
            return '"';
        }
        return APOSTROPHE_CHARS.indexOf(c) >= 0 ? '\'' : c;
    }

    private static String collapseWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static UnaryOperator<String> step(String name) {
        return switch (name) {
            case "nfkc" -> s -> Normalizer.normalize(s, Normalizer.Form.NFKC);
            // All quote styles («», „“, "") carry the same signal: a direct quote.
            case "quotes" -> s -> mapChars(s, TextNormalizer::quote);
            case "dashes" -> s -> mapChars(s, c -> DASH_CHARS.indexOf(c) >= 0 ? '-' : c);
            case "lowercase" -> s -> s.toLowerCase(Locale.ROOT);
            case "digits" -> s -> mapChars(s, c -> Character.isDigit(c) ? '0' : c);
            case "whitespace" -> TextNormalizer::collapseWhitespace;
            default -> throw new IllegalArgumentException("unknown normalisation step '" + name
                    + "' (known: " + KNOWN_STEPS + ")");
        };
    }
}
