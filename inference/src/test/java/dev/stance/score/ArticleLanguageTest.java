package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stance.segment.SentenceSplitter;
import org.junit.jupiter.api.Test;

class ArticleLanguageTest {
    @Test
    void aParagraphInAnotherLanguageFamilyGetsItsOwnLanguage() {
        String text = "Regjeringen har sendt en ny delegasjon til forhandlingene i Wien denne uken.\n\n"
                + "\"We have made it very clear that we will not accept any new conditions at this stage,\" "
                + "the envoy said in a statement.\n\n"
                + "Delegasjonen skal etter planen komme tilbake til Oslo på fredag.";
        var spans = SentenceSplitter.split(text);
        String lang = ArticleLanguage.ofArticle(text);
        assertEquals("nb", lang);
        assertEquals(java.util.List.of("nb", "en", "nb"), ArticleLanguage.ofSentences(text, spans, lang));
    }

    @Test
    void shortParagraphsKeepTheArticleLanguage() {
        String text = "Samtalene fortsetter i morgen tidlig i Genève etter en lang natt.\n\nOkay, fine.";
        var spans = SentenceSplitter.split(text);
        assertEquals("nb", ArticleLanguage.ofSentences(text, spans, "nb").get(1));
    }
}
