package dev.stance.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Map;

/**
 * Language identification restricted to the languages the product meets in Scandinavian and German news:
 * Bokmål, Nynorsk, Danish, Swedish, English, German. Restricting the candidate set is what lets short texts
 * tell Bokmål from Nynorsk and Danish. Returns ISO 639-1 codes, or {@code und} when undecided.
 */
public final class LanguageIdentifier {
    public static final String UNDETERMINED = "und";

    private static final Map<Language, String> CODES = Map.of(
            Language.BOKMAL, "nb", Language.NYNORSK, "nn", Language.DANISH, "da",
            Language.SWEDISH, "sv", Language.ENGLISH, "en", Language.GERMAN, "de");

    private static volatile LanguageIdentifier instance;

    private final LanguageDetector detector;

    private LanguageIdentifier() {
        // Eager: Lingua otherwise loads its n-gram tables on the first long text, seconds into a scoring run.
        detector = LanguageDetectorBuilder.fromLanguages(CODES.keySet().toArray(new Language[0]))
                .withPreloadedLanguageModels().build();
    }

    /**
     * Builds the shared instance on a daemon thread, so loading the language tables (a few seconds) overlaps
     * with whatever the caller does next, such as loading a model.
     */
    public static void preloadInBackground() {
        if (instance == null) {
            Thread t = new Thread(LanguageIdentifier::get, "language-tables");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The shared instance; building one loads the language models, which takes a moment. */
    public static LanguageIdentifier get() {
        LanguageIdentifier local = instance;
        if (local == null) {
            synchronized (LanguageIdentifier.class) {
                local = instance;
                if (local == null) {
                    local = new LanguageIdentifier();
                    instance = local;
                }
            }
        }
        return local;
    }

    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        Language lang = detector.detectLanguageOf(text);
        return CODES.getOrDefault(lang, UNDETERMINED);
    }

    /**
     * Confidence that {@code text} is in language {@code code}, relative to the most likely language (which
     * scores 1.0); 0 for codes outside the candidate set.
     */
    public double confidence(String text, String code) {
        var values = detector.computeLanguageConfidenceValues(text);
        for (Map.Entry<Language, String> e : CODES.entrySet()) {
            if (e.getValue().equals(code)) {
                return values.getOrDefault(e.getKey(), 0.0);
            }
        }
        return 0.0;
    }
}
