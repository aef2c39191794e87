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
        // the only minister the article introduced by name
        assertAttribution(a.get(1), StatementKind.DIRECT, "Laura Benton");
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
        assertAttribution(a.get(1), StatementKind.REPORTED, "ABCTV"); // the channel's name, without "TV-kanalen"
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

    // --- organisations against people: a named person in the speaker phrase wins, an institution is the fallback

    @Test
    void norwegianPersonInAppositionBeatsTheInstitutionAfterTheRole() {
        String text = "– Vi flytter ingen soldater, sa talspersonen for Kreml, Oleg Varin, til NTB.";
        assertAttribution(detect(text, "nb").get(0), StatementKind.DIRECT, "Oleg Varin");
    }

    @Test
    void nynorskPersonInAppositionBeatsTheInstitutionBeforeIt() {
        String text = "– Me har ingen planar om å trekkje oss ut, sa Kreml sin talsperson, Oleg Varin.";
        assertAttribution(detect(text, "nn").get(0), StatementKind.DIRECT, "Oleg Varin");
        text = "– Me vil ha ei løysing før jul, sa leiaren for NATO-delegasjonen, Kari Vik.";
        assertAttribution(detect(text, "nn").get(0), StatementKind.DIRECT, "Kari Vik");
    }

    @Test
    void englishInstitutionBeforeARoleAndNameGivesWayToThePerson() {
        String text = "\"We will not move a single soldier,\" said Kremlin spokesman Oleg Varin.";
        assertAttribution(detect(text, "en").get(0), StatementKind.DIRECT, "Oleg Varin");
    }

    @Test
    void germanMediatorOfAnInstitutionInAppositionIsTheSpeaker() {
        String text = "„Wir setzen die Gespräche in der kommenden Woche fort“, sagte die Gesandte der Europäischen "
                + "Kommission, Helga Brandl.";
        assertAttribution(detect(text, "de").get(0), StatementKind.DIRECT, "Helga Brandl");
    }

    @Test
    void aPersonGivenAsSourceBeatsAStateInsideTheSentence() {
        String text = "Ifølge meklaren fra Genève har Norge «lova meir enn dei har halde».";
        assertAttribution(detect(text, "nb").get(0), StatementKind.DIRECT, "meklaren");
    }

    // --- German inflected institution names are organisations, never people

    @Test
    void germanInflectedInstitutionNeverEntersTheNameTable() {
        String text = "Die Delegation der Afrikanischen Union traf in Addis Abeba ein.";
        List<Span> spans = SentenceSplitter.split(text);
        NameTable table = NameTable.of(spans, true);
        assertEquals("Union", table.resolve("Union"));
        List<Mention> ms = Mentions.find(Token.tokenize(text), text, true, table, 0);
        assertEquals(Mention.Type.ORG, ms.stream().filter(m -> m.value().contains("Union")).findFirst()
                .orElseThrow().type());
    }

    @Test
    void germanSpokesmanOfAnInflectedInstitutionKeepsTheWholePhrase() {
        String text = "„Wir fordern eine sofortige Waffenruhe“, erklärte ein Sprecher der Vereinten Nationen.";
        assertAttribution(detect(text, "de").get(0), StatementKind.DIRECT, "ein Sprecher der Vereinten Nationen");
    }

    // --- an institution speaks when no person is at hand

    @Test
    void norwegianInstitutionIsTheSpeakerWhenNoPersonIsNamed() {
        List<Attribution> a = detect("Kreml opplyser at samtalene fortsetter neste uke. "
                + "Neste møte blir i Wien, opplyser departementet.", "nb");
        assertAttribution(a.get(0), StatementKind.REPORTED, "Kreml");
        assertAttribution(a.get(1), StatementKind.REPORTED, "departementet");
    }

    @Test
    void nynorskMinistryIsTheFallbackSpeaker() {
        String text = "Forhandlingane held fram neste veke, opplyser departementet.";
        assertAttribution(detect(text, "nn").get(0), StatementKind.REPORTED, "departementet");
    }

    @Test
    void englishInstitutionKeepsTheStatementWhenThePersonIsInTheReportedClause() {
        String text = "The Kremlin said Oleg Varin would travel to Geneva next week.";
        assertAttribution(detect(text, "en").get(0), StatementKind.REPORTED, "Kremlin");
    }

    @Test
    void norwegianMediumReportingAPersonsWordsGivesThemToThePerson() {
        String text = "Nyhetsbyrået Reuters skriver at Ivar Lunde gjentok overfor statsministeren at grensen forblir stengt.";
        assertAttribution(detect(text, "nb").get(0), StatementKind.REPORTED, "Ivar Lunde");
    }

    @Test
    void englishInstitutionReportingThatAPersonWarnedGivesTheWordsToThePerson() {
        List<Attribution> a = detect("The Kremlin said that Oleg Varin warned against new sanctions. "
                + "The Kremlin said that the talks with Oleg Varin would continue.", "en");
        assertAttribution(a.get(0), StatementKind.REPORTED, "Oleg Varin");
        assertAttribution(a.get(1), StatementKind.REPORTED, "Kremlin");
    }

    @Test
    void germanMinistryIsTheFallbackSpeakerOfAQuote() {
        String text = "„Die Vorschläge liegen auf dem Tisch“, erklärte das Außenministerium am Dienstag.";
        assertAttribution(detect(text, "de").get(0), StatementKind.DIRECT, "das Außenministerium");
    }

    // --- role phrases resolve to the person the article introduced with that role

    @Test
    void norwegianRoleResolvesAcrossGenitiveAndAdjectiveForms() {
        String text = "Russlands utenriksminister Igor Belov møtte pressen i Wien.\n\n"
                + "Ukrainas utenriksminister Olena Marko kom dagen etter.\n\n"
                + "Den russiske utenriksministeren sa at forslaget ikke var godt nok.\n\n"
                + "Kremls talsperson Oleg Varin avviste kritikken.\n\n"
                + "Talspersonen sa at styrkene blir der de er.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(2), StatementKind.REPORTED, "Igor Belov");
        assertAttribution(a.get(4), StatementKind.REPORTED, "Oleg Varin");
    }

    @Test
    void nynorskDefiniteRoleResolvesToTheMinisterNamedBefore() {
        String text = "Utanriksminister Sigrid Fjell kom til Genève måndag.\n\n"
                + "– Me er klare til å halde fram, seier utanriksministeren.";
        assertAttribution(detect(text, "nn").get(1), StatementKind.DIRECT, "Sigrid Fjell");
    }

    @Test
    void englishRoleAfterANameInAppositionResolvesLaterMentions() {
        String text = "Marta Ilves, Estonia's foreign minister, arrived in Oslo on Monday.\n\n"
                + "Estonia's foreign minister said the talks would continue.";
        assertAttribution(detect(text, "en").get(1), StatementKind.REPORTED, "Marta Ilves");
    }

    @Test
    void germanRoleWithoutTheAdjectiveResolvesToTheOnlyHolder() {
        String text = "Der polnische Außenminister Marek Nowicki traf am Montag in Berlin ein.\n\n"
                + "„Wir brauchen klare Zusagen“, sagte der Außenminister.";
        assertAttribution(detect(text, "de").get(1), StatementKind.DIRECT, "Marek Nowicki");
    }

    @Test
    void anAmbiguousBareRoleGoesToTheHolderIntroducedLatest() {
        String text = "Foreign Minister Laura Benton met Foreign Minister Piet Vos in Geneva on Monday.\n\n"
                + "The foreign minister said the talks had stalled.\n\n"
                + "Foreign Minister Ana Ruiz arrived on Tuesday.\n\n"
                + "The foreign minister said she was hopeful.";
        List<Attribution> a = detect(text, "en");
        assertAttribution(a.get(1), StatementKind.REPORTED, "The foreign minister"); // two introduced together
        assertAttribution(a.get(3), StatementKind.REPORTED, "Ana Ruiz");
    }

    @Test
    void norwegianVerbOfSayingInsideAConcessiveClauseIsTheJournalistsNarration() {
        String text = "Statsminister Ola Dahl besøkte grensen fredag.\n\n"
                + "Til tross for at Dahl sier han vil ha fred, har han sendt flere soldater nordover.\n\n"
                + "Selv om Dahl sa «vi er klare for samtaler når som helst», har ingen møtt ham.\n\n"
                + "Selv om angrepene fortsetter, sier Dahl at han er klar for samtaler.\n\n"
                + "Dahl mener at grensen må åpnes, selv om naboen sier nei.\n\n"
                + "– Selv om de sier at de vil forhandle, skyter de fortsatt, sa Dahl.";
        List<Attribution> a = detect(text, "nb");
        assertAttribution(a.get(1), StatementKind.NARRATION, null);
        assertAttribution(a.get(2), StatementKind.NARRATION, null); // the quote frames the journalist's claim
        assertAttribution(a.get(3), StatementKind.REPORTED, "Ola Dahl"); // the verb is in the main clause
        assertAttribution(a.get(4), StatementKind.REPORTED, "Ola Dahl"); // the concession is his
        assertAttribution(a.get(5), StatementKind.DIRECT, "Ola Dahl"); // inside his own quote
    }

    @Test
    void nynorskVerbOfSayingInsideAConcessiveClauseIsNarration() {
        String text = "Utanriksminister Sigrid Fjell kom til Genève måndag.\n\n"
                + "Sjølv om Fjell seier at landet vil forhandle, har ho avvist kvart framlegg.\n\n"
                + "Trass i at ho meiner grensa bør opnast, står vaktene der framleis.\n\n"
                + "Sjølv om kampane held fram, seier Fjell at ho er klar for samtalar.";
        List<Attribution> a = detect(text, "nn");
        assertAttribution(a.get(1), StatementKind.NARRATION, null);
        assertAttribution(a.get(2), StatementKind.NARRATION, null);
        assertAttribution(a.get(3), StatementKind.REPORTED, "Sigrid Fjell");
    }

    @Test
    void englishVerbOfSayingInsideAConcessiveClauseIsNarration() {
        String text = "Foreign Minister Laura Benton arrived in Geneva on Monday.\n\n"
                + "Although Benton says she is ready for talks, her government has rejected every proposal.\n\n"
                + "Her troops have advanced, even though she has repeatedly said she wants a ceasefire.\n\n"
                + "Although the talks stalled, Benton said she remained hopeful.\n\n"
                + "Benton said the talks would resume, although no date had been set.";
        List<Attribution> a = detect(text, "en");
        assertAttribution(a.get(1), StatementKind.NARRATION, null);
        assertAttribution(a.get(2), StatementKind.NARRATION, null);
        assertAttribution(a.get(3), StatementKind.REPORTED, "Laura Benton");
        assertAttribution(a.get(4), StatementKind.REPORTED, "Laura Benton");
    }

    @Test
    void germanVerbOfSayingInsideAConcessiveClauseIsNarrationAndItsKonjunktivToo() {
        String text = "Kanzler Jonas Weber reiste am Montag nach Warschau.\n\n"
                + "Obwohl Weber sagt, er sei zu Gesprächen bereit, hat er jedes Angebot abgelehnt.\n\n"
                + "Obwohl die Gespräche stocken, sagte Weber, er sei zuversichtlich.\n\n"
                + "Weber betonte, er wolle verhandeln, obwohl die Angriffe weitergehen.";
        List<Attribution> a = detect(text, "de");
        assertAttribution(a.get(1), StatementKind.NARRATION, null);
        assertAttribution(a.get(2), StatementKind.REPORTED, "Jonas Weber");
        assertAttribution(a.get(3), StatementKind.REPORTED, "Jonas Weber");
    }
}
