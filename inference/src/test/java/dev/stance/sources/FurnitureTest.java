package dev.stance.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FurnitureTest {
    @Test
    void furnitureLinesInAllFourLanguagesAreRecognised() {
        for (String line : List.of("Annonse", "ANNONSE", "- Annonse -", "Advertisement", "Anzeige", "Werbung",
                "Les også: Slik brøt forhandlingene sammen", "Les òg: Storskog stengd for all trafikk",
                "Read more: Border clashes leave dozens dead", "Lesen Sie auch: Wie die Runde scheiterte",
                "Foto: Lise Dahl / NTB", "Photograph: Tom Reilly/Reuters", "Bild: Jonas Weber/dpa", "NTB",
                "Del på Facebook", "Del på X", "Kopier lenke", "Share on Twitter", "Auf Facebook teilen",
                "Kommentarer (3)", "Comments (214)", "Kommentare (48)", "Logg inn for å kommentere",
                "Publisert 14.03.2026 kl. 09.12", "Oppdatert 14.03.2026 kl. 11.40", "Fri 3 Apr 2026 07.30 BST",
                "Av Kari Nordvik og Ola Berg", "By Laura Benton in Geneva", "Von Petra Kalb, Berlin",
                "Tekst: Sigrid Myklebust · Publisert 2. februar 2026 · Lesetid: 3 minutt", "3 min read",
                "Artikkelen fortsetter under annonsen", "Weiterlesen nach der Anzeige",
                "We use cookies and similar technologies to personalise content and ads.",
                "Vi bruker informasjonskapsler (cookies) for å gi deg en bedre opplevelse.",
                "Wir verwenden Cookies und ähnliche Technologien.",
                "This article was amended on 3 April 2026 to correct the spelling of a name.",
                "© 2026 Fjordposten AS. Alle rettigheter forbeholdt.", "Abonner på nyheitsbrevet vårt.",
                "Topics: Ukraine Diplomacy")) {
            assertTrue(Furniture.isFurniture(line), line);
        }
    }

    @Test
    void articleSentencesThatMentionTheSameWordsAreNotFurniture() {
        for (String line : List.of("– Vi er klare til å møtes, sa utenriksministeren.",
                "Annonsen ble trukket etter kritikk fra ambassaden, opplyser avisen.",
                "The advertisement was pulled, the minister said.",
                "By Monday, both sides had agreed to meet again.",
                "Von einem Durchbruch könne keine Rede sein, sagte Roth.",
                "\"We will share the draft with our allies,\" Lund said.",
                "Ifølge Reuters er et nytt møte planlagt i mars.",
                "Utenriksministeren: – Vi er klare for nye samtaler i Wien",
                "Foto og video fra møtet ble publisert av departementet i går.",
                "Rundt 40 000 mennesker har flyktet fra grenseområdet siden januar.", "")) {
            assertFalse(Furniture.isFurniture(line), line);
        }
    }

    @Test
    void aCreditAfterACaptionOnTheSameLineIsFurnitureButTheCaptionIsNot() {
        String text = "Forhandlerne møttes i Wien. Foto: Lise Dahl / NTB\n\nAnnonse\n\nHun sa at samtalene går videre.";
        int credit = text.indexOf("Foto");
        int ad = text.indexOf("Annonse");
        int body = text.indexOf("Hun");
        int[] lines = Furniture.lines(text);
        assertArrayEquals(new int[] {ad, ad + "Annonse".length()}, lines);
        boolean[] marked = Furniture.sentences(text, lines, new int[] {0, credit, ad, body},
                new int[] {credit - 1, text.indexOf('\n'), ad + 7, text.length()});
        assertArrayEquals(new boolean[] {false, true, true, false}, marked);
    }

    @Test
    void aMegabyteRunOnLineIsNeverFurnitureAndCostsOnePass() {
        String line = "Ukraine and ".repeat(100_000);
        String text = line + "\nAnnonse";
        assertArrayEquals(new int[] {line.length() + 1, text.length()}, Furniture.lines(text));
        assertFalse(Furniture.isFurniture(line));
    }
}
