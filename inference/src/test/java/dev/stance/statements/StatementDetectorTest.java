package dev.stance.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.stance.segment.SentenceSplitter;
import dev.stance.segment.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementDetectorTest {
    private static List<Attribution> detect(String text, String lang) {
        List<Span> spans = SentenceSplitter.split(text);
        return StatementDetector.detect(text, spans, lang);
    }

    private static void assertAttribution(Attribution a, StatementKind kind, String speaker) {
        assertEquals(kind, a.kind(), a.toString());
        assertEquals(speaker, a.speaker(), a.toString());
    }

    @Test
    void norwegianDashQuoteTakesSpeakerAfterTheVerbAndResolvesTheFullName() {
        String text = "Utenriksminister Kari Nordvik besøkte Wien tirsdag.\n\n"
                + "– Vi står klare til å forhandle i morgen, sa Nordvik til NRK.\n\n"
                + "Møtet varte i to timer.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(0), StatementKind.NARRATION, null);
        assertAttribution(a.get(1), StatementKind.DIRECT, "Kari Nordvik");
        assertAttribution(a.get(2), StatementKind.NARRATION, null);
    }

    @Test
    void dashQuoteOverSeveralSentencesTakesTheSpeakerFromItsLastSentence() {
        String text = "Forsker Ola Berg er ikke imponert.\n\n"
                + "– Dette er bare ord. Ingen har lagt noe nytt på bordet, sier Berg til avisen.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(1), StatementKind.DIRECT, "Ola Berg");
        assertAttribution(a.get(2), StatementKind.DIRECT, "Ola Berg");
    }

    @Test
    void shortDashLineWithoutFullStopIsAHeadingNotAQuote() {
        List<Attribution> a = detect("– Ingen vei tilbake\n\nPrisene steg igjen i mai.", "nb");
        assertAttribution(a.get(0), StatementKind.NARRATION, null);
    }

    @Test
    void guillemetsAndReportedSpeechWithSourceWordsAndPronouns() {
        String text = "Statsminister Per Hansen møtte pressen i Bergen.\n\n"
                + "«Vi vil ikke la oss presse av noen», sa Hansen.\n\n"
                + "Han mener samtalene må fortsette.\n\n"
                + "Ifølge Kreml er det ingen grunn til å haste.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(1), StatementKind.DIRECT, "Per Hansen");
        assertAttribution(a.get(2), StatementKind.REPORTED, "Per Hansen");
        assertAttribution(a.get(3), StatementKind.REPORTED, "Kreml");
    }

    @Test
    void scareQuotesAloneDoNotMakeAStatement() {
        List<Attribution> a = detect("Lederen har tidligere kalt naboen en «venn» i flere taler.", "nb");
        assertAttribution(a.get(0), StatementKind.NARRATION, null);
    }

    @Test
    void roleResolvesToThePersonItWasAttachedToEarlier() {
        String text = "Den finske utenriksministeren Aino Laine landet i Oslo.\n\n"
                + "Den finske utenriksministeren fortalte at grensen forblir stengt.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(1), StatementKind.REPORTED, "Aino Laine");
    }

    @Test
    void addresseeAfterAPrepositionIsNotTheSpeaker() {
        String text = "Ifølge Kreml fortalte Ivanov i samtalen med Berg at tilbudet står.";
        assertAttribution(detect(text, "nb").get(0), StatementKind.REPORTED, "Ivanov");
    }

    @Test
    void englishQuoteWithRoleAfterItAndSaidBeforeAName() {
        String text = "Foreign Minister Laura Benton arrived in Geneva on Monday.\n\n"
                + "\"We will not accept any ultimatum,\" the minister told reporters.\n\n"
                + "Benton said the talks would resume next week.\n\n"
                + "The talks would go on, according to officials in Geneva.";
        List<Attribution> a = detect(text, "en");
        assertAttribution(a.get(1), StatementKind.DIRECT, "the minister");
        assertAttribution(a.get(2), StatementKind.REPORTED, "Laura Benton");
        assertEquals(StatementKind.REPORTED, a.get(3).kind());
    }

    @Test
    void englishUnattributedQuoteTakesTheSpeakerEarlierInTheParagraph() {
        String text = "Spokesman Tom Reilly said on Friday that talks were over. \"There is nothing left to discuss.\"";
        List<Attribution> a = detect(text, "en");
        assertAttribution(a.get(0), StatementKind.REPORTED, "Tom Reilly");
        assertAttribution(a.get(1), StatementKind.DIRECT, "Tom Reilly");
    }

    @Test
    void germanQuoteVerbAfterAndKonjunktivContinuesTheSpeaker() {
        String text = "Außenministerin Petra Kalb reiste am Montag nach Warschau.\n\n"
                + "„Wir sind zu ernsthaften Gesprächen bereit“, sagte Kalb am Dienstag.\n\n"
                + "Eine Einigung sei aber noch weit entfernt.\n\n"
                + "Laut Kreml gibt es keine neuen Vorschläge.";
        List<Attribution> a = detect(text, "de");
        assertAttribution(a.get(0), StatementKind.NARRATION, null);
        assertAttribution(a.get(1), StatementKind.DIRECT, "Petra Kalb");
        assertAttribution(a.get(2), StatementKind.REPORTED, "Petra Kalb");
        assertAttribution(a.get(3), StatementKind.REPORTED, "Kreml");
    }

    @Test
    void germanSoAfterAQuoteNamesTheSpeaker() {
        String text = "Kanzler Jonas Weber war in Paris. „Das ist ein Angebot, das wir prüfen werden“, so Weber.";
        List<Attribution> a = detect(text, "de");
        assertAttribution(a.get(1), StatementKind.DIRECT, "Jonas Weber");
    }

    @Test
    void quoteAfterAColonParagraphTakesThatSpeaker() {
        String text = "Talsperson Ivan Orlov avviste kritikken og la til:\n\n– Vi flytter soldater der vi vil.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(0), StatementKind.REPORTED, "Ivan Orlov");
        assertAttribution(a.get(1), StatementKind.DIRECT, "Ivan Orlov");
    }

    @Test
    void narrationHasNoSpeaker() {
        List<Attribution> a = detect("Kampene fortsatte hele natten. Tre broer ble skadet.", "nb");
        assertNull(a.get(0).speaker());
        assertEquals(StatementKind.NARRATION, a.get(1).kind());
    }

    @Test
    void hugeDashParagraphWithoutSpeakerStaysLinear() {
        String text = "– " + "Ja, nei, kanskje. ".repeat(100_000) + "Slutt, sa Berg.";
        List<Attribution> a = detect(text, "nb");
        assertEquals(100_001, a.size());
        assertEquals("Berg", a.get(0).speaker()); // the last sentence names him for the whole quote
    }

    @Test
    void sourceNamedWithAnAcronymKeepsIt() {
        String text = "Seniorforsker ved NUPI Eva Dahl kommenterte saken.\n\n"
                + "Møtet varte i to timer, ifølge TV-kanalen ABCTV.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(1), StatementKind.REPORTED, "TV-kanalen ABCTV");
    }

    @Test
    void twoWordCuesAndAPronounSubjectMakeReportedSpeech() {
        String text = "«Vi ønsker en rask avtale med alle parter», sa Ivan Orlov.\n\n"
                + "Han la vekt på at fangeutvekslingen må skje først.\n\n"
                + "Forsvarsminister Lise Aas skal også ha bedt om et nytt møte.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(1), StatementKind.REPORTED, "Ivan Orlov");
        assertAttribution(a.get(2), StatementKind.REPORTED, "Lise Aas");
    }

    @Test
    void passiveMakesTheSubjectTheAddresseeNotTheSpeaker() {
        List<Attribution> a = detect("Under møtet ble Orlov bedt om å forklare seg. The envoy was told to wait.", "nb");
        assertEquals(StatementKind.NARRATION, a.get(0).kind());
        assertEquals(StatementKind.NARRATION, a.get(1).kind());
    }

    @Test
    void aLoneUnknownNameCountsOnlyRightNextToTheVerb() {
        assertAttribution(detect("„Wir prüfen das Angebot sehr genau“, sagte Brandt.", "de").get(0),
                StatementKind.DIRECT, "Brandt");
        assertAttribution(detect("Morrow said the border would stay closed.", "en").get(0),
                StatementKind.REPORTED, "Morrow");
        // a capitalised German noun two words from the verb is not a speaker
        assertAttribution(detect("Die Verhandlungen in Genf seien gescheitert, sagte sie.", "de").get(0),
                StatementKind.REPORTED, null);
    }
}
