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

    private static final List<String> NB = List.of(
            "Forhandlingene i %2$s ble utsatt på ubestemt tid tirsdag.",
            "Utenriksminister %1$s landet i %2$s sent på kvelden.",
            "– Vi er klare til å møtes så snart den andre siden trekker styrkene tilbake, sa %3$s til NRK.",
            "«Dette er en direkte trussel mot hele regionen», sa %3$s.",
            "%3$s mener samtalene ikke har gitt noe som helst resultat.",
            "Ifølge kilder i %2$s er et nytt møte planlagt neste uke.",
            "Flere tusen mennesker har flyktet fra området de siste dagene.");
    private static final List<String> EN = List.of(
            "Talks in %2$s were postponed again on Tuesday.",
            "Foreign Minister %1$s arrived in %2$s late in the evening.",
            "\"We are ready to meet as soon as the troops pull back,\" %3$s told reporters.",
            "%3$s said the proposal was nothing but a trap.",
            "According to officials in %2$s, a new round is planned for next week.",
            "Thousands of people have left the area in recent days.");
    private static final List<String> DE = List.of(
            "Die Gespräche in %2$s wurden am Dienstag erneut verschoben.",
            "Außenministerin %1$s traf am Abend in %2$s ein.",
            "„Wir sind zu ernsthaften Gesprächen bereit“, sagte %3$s am Mittwoch.",
            "Eine Einigung sei aber noch weit entfernt.",
            "Laut Regierungskreisen in %2$s ist ein neues Treffen geplant.",
            "Tausende Menschen haben die Region in den vergangenen Tagen verlassen.");

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
            List<String> templates = switch (i % 3) {
                case 0 -> NB;
                case 1 -> EN;
                default -> DE;
            };
            String person = PEOPLE.get(r.nextInt(PEOPLE.size()));
            String surname = person.substring(person.indexOf(' ') + 1);
            String place = PLACES.get(r.nextInt(PLACES.size()));
            StringBuilder b = new StringBuilder(templates.get(1).formatted(person, place, surname)).append("\n\n");
            int n = 8 + r.nextInt(13);
            for (int k = 0; k < n; k++) {
                b.append(templates.get(r.nextInt(templates.size())).formatted(person, place, surname)).append("\n\n");
            }
            Files.writeString(dir.resolve(String.format("a%05d.txt", i)), b, StandardCharsets.UTF_8);
        }
    }
}
