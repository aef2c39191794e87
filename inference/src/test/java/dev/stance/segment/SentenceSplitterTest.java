package dev.stance.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static List<String> texts(String s) {
        List<Span> spans = SentenceSplitter.split(s);
        for (Span sp : spans) {
            assertEquals(s.substring(sp.start(), sp.end()), sp.text(), "offsets must point into the original");
        }
        return spans.stream().map(Span::text).toList();
    }

    @Test
    void splitsPlainSentences() {
        assertEquals(List.of("Talks resumed on Monday.", "Both sides attended!", "Will they agree?"),
                texts("Talks resumed on Monday. Both sides attended! Will they agree?"));
    }

    @Test
    void keepsNorwegianAbbreviationsAndOrdinalDates() {
        assertEquals(List.of("Delegasjonen, bl.a. med utenriksministeren, reiser 24. februar til Genève.",
                        "Møtet starter kl. 10."),
                texts("Delegasjonen, bl.a. med utenriksministeren, reiser 24. februar til Genève. Møtet starter kl. 10."));
    }

    @Test
    void keepsEnglishTitlesAndInitials() {
        assertEquals(List.of("Dr. Amal Haddad met U.S. envoy J. Moreno in Doha.", "No deal was reached."),
                texts("Dr. Amal Haddad met U.S. envoy J. Moreno in Doha. No deal was reached."));
    }

    @Test
    void keepsGermanAbbreviationsAndCapitalisedMonth() {
        assertEquals(List.of("Die Gespräche sollen am 3. März u.a. in Wien stattfinden, d.h. ohne Vorbedingungen.",
                        "Das bestätigte ein Sprecher."),
                texts("Die Gespräche sollen am 3. März u.a. in Wien stattfinden, d.h. ohne Vorbedingungen. "
                        + "Das bestätigte ein Sprecher."));
    }

    @Test
    void doesNotSplitInsideAQuotationThatClosesLater() {
        assertEquals(List.of("«Vi vil ha fred. Men ikke på deres premisser», sa ministeren.", "Så gikk hun."),
                texts("«Vi vil ha fred. Men ikke på deres premisser», sa ministeren. Så gikk hun."));
        assertEquals(List.of("„Wir sind bereit. Aber nicht so“, sagte er."),
                texts("„Wir sind bereit. Aber nicht so“, sagte er."));
    }

    @Test
    void includesClosingQuoteAndSplitsBeforeDashDialogue() {
        assertEquals(List.of("He said: \"We will not surrender.\"", "– Det er uaktuelt, sier Solberg."),
                texts("He said: \"We will not surrender.\" – Det er uaktuelt, sier Solberg."));
    }

    @Test
    void lineBreaksEndHeadlinesButHardWrappedLinesContinue() {
        assertEquals(List.of("Krigen i Ukraina", "Presidenten sa at samtalene fortsetter neste uke."),
                texts("Krigen i Ukraina\n\nPresidenten sa at samtalene fortsetter neste uke."));
        String wrapped = "The foreign minister told reporters in Brussels on Tuesday that the\n"
                + "ceasefire would hold. Nobody believed him.";
        assertEquals(List.of("The foreign minister told reporters in Brussels on Tuesday that the\nceasefire would hold.",
                "Nobody believed him."), texts(wrapped));
    }

    @Test
    void emptyAndWhitespaceInputGiveNoSentences() {
        assertEquals(List.of(), texts(""));
        assertEquals(List.of(), texts(" \n\n  "));
    }

    @Test
    void runOnLineIsCutIntoBoundedSentencesAtWhiteSpace() {
        String text = "Ukraine and ".repeat(1000);
        List<String> parts = texts(text);
        assertTrue(parts.size() > 1, "one 12,000-character line must not stay one sentence");
        for (String p : parts) {
            assertTrue(p.length() <= SentenceSplitter.MAX_SENTENCE_CHARS, "sentence of " + p.length());
            assertTrue(p.startsWith("Ukraine") || p.startsWith("and"), "cut inside a word: " + p);
            assertTrue(p.endsWith("Ukraine") || p.endsWith("and"), "cut inside a word: " + p);
        }
        assertEquals(1000, String.join(" ", parts).split("Ukraine", -1).length - 1, "no word lost");
    }

    @Test
    void runOnWithoutWhiteSpaceIsCutAtTheLimitAndNeverInsideASurrogatePair() {
        assertEquals(List.of(2000, 2000, 1000), texts("x".repeat(5000)).stream().map(String::length).toList());
        for (String p : texts("\uD83D\uDE00".repeat(3000))) { // 6,000 chars, no white space
            assertTrue(p.length() <= SentenceSplitter.MAX_SENTENCE_CHARS);
            assertTrue(Character.isHighSurrogate(p.charAt(0)) && Character.isLowSurrogate(p.charAt(p.length() - 1)), p);
        }
    }
}
