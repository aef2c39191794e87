package dev.stance.markup;

import java.util.Map;

/** Decodes HTML character references: the named ones news text uses, and every numeric one. */
public final class Entities {
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("bdquo", "„"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("sbquo", "‚"), Map.entry("aring", "å"), Map.entry("Aring", "Å"), Map.entry("aelig", "æ"),
            Map.entry("AElig", "Æ"), Map.entry("oslash", "ø"), Map.entry("Oslash", "Ø"), Map.entry("auml", "ä"),
            Map.entry("Auml", "Ä"), Map.entry("ouml", "ö"), Map.entry("Ouml", "Ö"), Map.entry("uuml", "ü"),
            Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"), Map.entry("eacute", "é"), Map.entry("egrave", "è"),
            Map.entry("copy", "©"), Map.entry("shy", ""), Map.entry("zwnj", ""), Map.entry("thinsp", " "),
            Map.entry("ensp", " "), Map.entry("emsp", " "), Map.entry("euro", "€"), Map.entry("deg", "°"));
    private static final int MAX_NAME = 10;

    private Entities() {
    }

    /** Replaces {@code &name;}, {@code &#123;} and {@code &#x7B;}; unknown or broken references stay as written. */
    public static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i + 1) : -1;
            if (semi < 0 || semi - i - 1 > MAX_NAME || semi == i + 1) {
                b.append(c);
                i++;
                continue;
            }
            String ref = s.substring(i + 1, semi);
            String out = ref.charAt(0) == '#' ? numeric(ref.substring(1)) : NAMED.get(ref);
            if (out == null) {
                b.append(c);
                i++;
            } else {
                b.append(out);
                i = semi + 1;
            }
        }
        return b.toString();
    }

    private static String numeric(String digits) {
        try {
            boolean hex = !digits.isEmpty() && (digits.charAt(0) == 'x' || digits.charAt(0) == 'X');
            int cp = Integer.parseInt(hex ? digits.substring(1) : digits, hex ? 16 : 10);
            boolean valid = cp > 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
            return valid ? new String(Character.toChars(cp)) : "\uFFFD";
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
