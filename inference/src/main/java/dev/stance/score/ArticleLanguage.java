package dev.stance.score;

import dev.stance.lang.LanguageIdentifier;
import dev.stance.segment.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Language of an article and of each of its sentences: a sentence has the article's language unless its
 * paragraph is clearly another one. "Clearly" means a paragraph of at least {@value #MIN_WORDS} words detected
 * as another language family (an English paragraph in a Norwegian article); switching between Bokmål,
 * Nynorsk, Danish and Swedish needs {@value #MIN_WORDS_NORDIC} words, since short texts confuse them.
 */
final class ArticleLanguage {
    static final int MIN_WORDS = 8;
    static final int MIN_WORDS_NORDIC = 30;
    /** Enough text to decide an article's language; more only costs time. */
    private static final int SAMPLE_CHARS = 3000;
    private static final Set<String> NORDIC = Set.of("nb", "nn", "da", "sv");

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
            String para = text.substring(spans.get(i).start(), spans.get(j - 1).end());
            String lang = articleLang;
            int words = para.split("\\s+").length;
            if (words >= MIN_WORDS) {
                String detected = LanguageIdentifier.get().detect(para);
                boolean nordicSwitch = NORDIC.contains(detected) && NORDIC.contains(articleLang);
                if (!detected.equals(LanguageIdentifier.UNDETERMINED) && !detected.equals(articleLang)
                        && (!nordicSwitch || words >= MIN_WORDS_NORDIC)) {
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
