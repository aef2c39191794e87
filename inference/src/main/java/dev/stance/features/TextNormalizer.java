package dev.stance.features;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Text normalisation as a chain of named steps. The names are stored in the model manifest, and training and
 * scoring both rebuild the chain from that list, so an exported model sees text exactly as it did in training.
 */
public final class TextNormalizer {
    /** Steps known to this version; an unknown name is rejected rather than skipped. */
    public static final List<String> KNOWN_STEPS = List.of("nfkc", "quotes", "dashes", "lowercase", "digits", "whitespace");

    private static final Pattern QUOTES = Pattern.compile("[«»„“”‟\"‹›]");
    private static final Pattern APOSTROPHES = Pattern.compile("[‘’‚`´]");
    private static final Pattern DASHES = Pattern.compile("[‐‑‒–—―−]");
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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

    private static UnaryOperator<String> step(String name) {
        return switch (name) {
            case "nfkc" -> s -> Normalizer.normalize(s, Normalizer.Form.NFKC);
            // All quote styles («», „“, "") carry the same signal: a direct quote.
            case "quotes" -> s -> APOSTROPHES.matcher(QUOTES.matcher(s).replaceAll("\"")).replaceAll("'");
            case "dashes" -> s -> DASHES.matcher(s).replaceAll("-");
            case "lowercase" -> s -> s.toLowerCase(Locale.ROOT);
            case "digits" -> s -> DIGITS.matcher(s).replaceAll("0");
            case "whitespace" -> s -> SPACES.matcher(s).replaceAll(" ").strip();
            default -> throw new IllegalArgumentException("unknown normalisation step '" + name
                    + "' (known: " + KNOWN_STEPS + ")");
        };
    }
}
