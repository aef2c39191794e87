package dev.stance.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Statements that stress featurization: four languages, odd punctuation and Unicode, empty and very long text. */
public final class VariedTexts {
    private VariedTexts() {
    }

    /** Hand-picked cases, each as {text, context}; context may be null or blank. */
    public static List<String[]> cases() {
        String longText = String.join(" ", Collections.nCopies(300,
                "«Vi er klare til å møtes i Genève», sa Kari Lunde. \"We will not surrender,\" he said."));
        return List.of(
                new String[] {"«Vi er klare til å møtes i Genève neste uke, men bare om angrepene stanser», sa "
                        + "utenriksminister Kari Lunde til NTB tirsdag.", "Samtalene brøt sammen i mai."},
                new String[] {"– Vi kjem ikkje til å godta dette, seier statsråden.", "Ho var tydeleg."},
                new String[] {"\"We will not surrender,\" he said. U.S. envoy J. Moreno met Dr. Haddad.", null},
                new String[] {"„Wir sind zu Gesprächen bereit“, sagte die Außenministerin. STRASSE, Straße, ẞ.", "Kontext."},
                new String[] {"", null},
                new String[] {"", "Only context here."},
                new String[] {"   \t\n  ", "   "},
                new String[] {"!!! ??? ... --- «» „“ ‹› \"\" '' ‘’ `´", null},
                new String[] {"It's ‘quoted’ and “double-quoted” and „gequotet“ – — ‐ −", "-"},
                new String[] {"Fred 🕊️ og 👍🏽 nå! 🇳🇴🇩🇪", "😀😀😀"},
                new String[] {"lone surrogates \uD83D and \uDE00 here", "\uD83D"},
                new String[] {"ﬁnal ① ｆｕｌｌｗｉｄｔｈ ² ½ Ⅻ ㎏", null},
                new String[] {"Den 3. mars 2024 kl. 14:30 kom 1 000 000 kr og 12,5 %.", "Tall: 42"},
                new String[] {"İstanbul İİİ Σίσυφος ΣΟΦΙΑ Москва العربية", null},
                new String[] {"ja ja ja ja ja ja ja ja ja ja", "ja ja ja"},
                new String[] {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null},
                new String[] {"no\u00A0break\u2009thin\u200Bzero\u3000ideographic", null},
                new String[] {"x", "y"},
                new String[] {longText, longText});
    }

    /** {@code n} random strings over an alphabet mixing letters, digits, quotes, spaces and surrogate halves. */
    public static List<String> random(int n, long seed) {
        String alphabet = "abcæøåäöüßABCÆØÅ0123456789     \t\"«»„“'’?!.,-–İ\u00A0ﬁ①";
        String[] extra = {"🕊️", "👍🏽", "\uD83D", "\uDE00", "ja ", "nei ", "nicht ", "not "};
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(i % 10 == 0 ? 600 : 80);
            for (int j = 0; j < len; j++) {
                if (rnd.nextInt(10) == 0) {
                    sb.append(extra[rnd.nextInt(extra.length)]);
                } else {
                    sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
