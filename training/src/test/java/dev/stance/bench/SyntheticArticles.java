package dev.stance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a folder of synthetic news articles for throughput measurements, built from this project's own
 * template sentences in Norwegian, English and German (narration, dash quotes, quotes, reported speech).
 * Deterministic for a given count. Usage: {@code SyntheticArticles <folder> <count>}.
 */
public final class SyntheticArticles {
    private static final List<String> PEOPLE = List.of("Kari Nordvik", "Ola Berg", "Laura Benton", "Tom Reilly",
            "Petra Kalb", "Jonas Weber", "Ivan Orlov", "Aino Laine");
    private static final List<String> PLACES = List.of("Wien", "Genève", "Oslo", "Helsinki", "Ankara", "Warszawa");

    // %4$d is a number drawn per sentence, so sentences rarely repeat: real articles do not repeat sentences,
    // and an encoder that encodes each distinct sentence once would otherwise look faster than it is.
    private static final List<String> NB = List.of(
            "Forhandlingene i %2$s ble utsatt på ubestemt tid tirsdag, etter %4$d timer med møter.",
            "Utenriksminister %1$s landet i %2$s sent på kvelden med en delegasjon på %4$d personer.",
            "– Vi er klare til å møtes så snart den andre siden trekker de %4$d soldatene tilbake, sa %3$s til NRK.",
            "«Dette er en direkte trussel mot hele regionen og mot %4$d landsbyer», sa %3$s.",
            "%3$s mener de %4$d møtene ikke har gitt noe som helst resultat.",
            "Ifølge kilder i %2$s er et nytt møte planlagt om %4$d dager.",
            "Rundt %4$d mennesker har flyktet fra området de siste dagene.");
    private static final List<String> EN = List.of(
            "Talks in %2$s were postponed again on Tuesday after %4$d hours.",
            "Foreign Minister %1$s arrived in %2$s late in the evening with %4$d advisers.",
            "\"We are ready to meet as soon as the %4$d troops pull back,\" %3$s told reporters.",
            "%3$s said the %4$d-point proposal was nothing but a trap.",
            "According to officials in %2$s, a new round is planned in %4$d days.",
            "About %4$d people have left the area in recent days.");
    private static final List<String> DE = List.of(
            "Die Gespräche in %2$s wurden am Dienstag nach %4$d Stunden erneut verschoben.",
            "Außenministerin %1$s traf am Abend mit %4$d Beratern in %2$s ein.",
            "„Wir sind zu ernsthaften Gesprächen über die %4$d Gefangenen bereit“, sagte %3$s am Mittwoch.",
            "Eine Einigung über die %4$d Punkte sei aber noch weit entfernt.",
            "Laut Regierungskreisen in %2$s ist in %4$d Tagen ein neues Treffen geplant.",
            "Rund %4$d Menschen haben die Region in den vergangenen Tagen verlassen.");

    private SyntheticArticles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticArticles <folder> <count>");
            System.exit(1);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /** Writes {@code count} articles of 8 to 20 sentences as {@code a00000.txt}, ... into {@code dir}. */
    public static void write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(42);
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve(String.format("a%05d.txt", i)), article(i, r), StandardCharsets.UTF_8);
        }
    }

    /**
     * Article {@code i} (nb, en and de in turn): 9 to 21 blank-line separated paragraphs, drawn from {@code r}; the
     * same sequence of calls on a generator with the same seed gives the same articles.
     */
    public static String article(int i, Random r) {
        List<String> templates = switch (i % 3) {
            case 0 -> NB;
            case 1 -> EN;
            default -> DE;
        };
        String person = PEOPLE.get(r.nextInt(PEOPLE.size()));
        String surname = person.substring(person.indexOf(' ') + 1);
        String place = PLACES.get(r.nextInt(PLACES.size()));
        StringBuilder b = new StringBuilder(templates.get(1).formatted(person, place, surname, 2 + r.nextInt(9000)))
                .append("\n\n");
        int n = 8 + r.nextInt(13);
        for (int k = 0; k < n; k++) {
            String t = templates.get(r.nextInt(templates.size()));
            b.append(t.formatted(person, place, surname, 2 + r.nextInt(9000))).append("\n\n");
        }
        return b.toString();
    }
}
