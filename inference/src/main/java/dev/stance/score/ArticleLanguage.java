package dev.stance.score;

import dev.stance.lang.LanguageIdentifier;
import dev.stance.segment.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Language of an article and of each of its sentences: a sentence has the article's language unless its
 * paragraph is clearly another one: at least {@value #MIN_WORDS} words, detected as another language family
 * (Scandinavian, English, German), as an English paragraph in a Norwegian article is. Switches between Bokmål,
 * Nynorsk, Danish and Swedish are not made, since paragraphs are too short to tell them apart reliably.
 * A paragraph whose common function words are mostly the article family's skips the (slow) detector.
 */
final class ArticleLanguage {
    static final int MIN_WORDS = 8;
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "nordic", Set.of("og", "i", "er", "på", "det", "som", "til", "av", "med", "ikke", "ikkje", "at", "har",
                    "den", "var", "om", "vi", "jeg", "eg", "och", "är", "inte", "blir", "skal", "sier", "sa"),
            "en", Set.of("the", "and", "of", "to", "is", "that", "was", "on", "with", "are", "has", "have",
                    "said", "it", "be", "by", "this", "not"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "sich", "auf", "für",
                    "dem", "ein", "eine", "sei", "wird", "sagte", "auch", "es"));
    /** Enough text to decide an article's language; more only costs time. */
    private static final int SAMPLE_CHARS = 3000;
    private static final Set<String> NORDIC = Set.of("nb", "nn", "da", "sv");

    private static String family(String lang) {
        return NORDIC.contains(lang) ? "nordic" : lang;
    }

    /** True when the paragraph's function words are clearly those of {@code family}. */
    private static boolean looksLike(String[] words, String family) {
        Map<String, Integer> hits = new HashMap<>();
        for (String w : words) {
            String lw = w.toLowerCase(Locale.ROOT);
            FUNCTION_WORDS.forEach((f, set) -> {
                if (set.contains(lw)) {
                    hits.merge(f, 1, Integer::sum);
                }
            });
        }
        int own = hits.getOrDefault(family, 0);
        return own >= 2 && hits.entrySet().stream().allMatch(e -> e.getKey().equals(family) || e.getValue() < own);
    }

    private ArticleLanguage() {
    }

    static String ofArticle(String text) {
        return LanguageIdentifier.get().detect(text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text);
    }

    static List<String> ofSentences(String text, List<Span> spans, String articleLang) {
        List<String> out = new ArrayList<>(spans.size());
        int i = 0;
        while (i < spans.size()) {
            int j = i + 1;
            while (j < spans.size() && text.substring(spans.get(j - 1).end(), spans.get(j).start()).indexOf('\n') < 0) {
                j++;
            }
            // a paragraph's first SAMPLE_CHARS decide its language, as for the article: a longer one costs
            // only time
            String para = text.substring(spans.get(i).start(),
                    Math.min(spans.get(j - 1).end(), spans.get(i).start() + SAMPLE_CHARS));
            String lang = articleLang;
            String[] words = para.split("[\\s\\p{Punct}«»„“”–—]+");
            String family = family(articleLang);
            if (words.length >= MIN_WORDS && !looksLike(words, family)) {
                String detected = LanguageIdentifier.get().detect(para);
                if (!detected.equals(LanguageIdentifier.UNDETERMINED) && !family(detected).equals(family)) {
                    lang = detected;
                }
            }
            for (int k = i; k < j; k++) {
                out.add(lang);
            }
            i = j;
        }
        return out;
    }
}
