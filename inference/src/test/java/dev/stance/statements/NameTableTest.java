package dev.stance.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stance.segment.SentenceSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameTableTest {
    private static String surname(int n) {
        return "B" + (char) ('a' + n / 26) + (char) ('a' + n % 26) + "sen";
    }

    @Test
    void distinctHoldersOfOneRoleAreBoundedSoBareRolesResolveInBoundedTime() {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < 300; n++) {
            text.append("Utenriksminister Anna ").append(surname(n)).append(" landet i Oslo.\n\n");
        }
        NameTable table = NameTable.of(SentenceSplitter.split(text.toString()), false);
        String head = RoleKey.of(List.of(), "utenriksminister", List.of()).head();
        assertEquals(NameTable.MAX_HOLDERS_PER_ROLE, table.holders(head));
    }

    @Test
    void repeatedIntroductionsOfOnePersonCountOnceAndTheLatestBeforeWins() {
        String text = "Utenriksminister Anna Berg landet i Oslo.\n\nUtenriksminister Anna Berg reiste.\n\n"
                + "Utenriksminister Per Dahl kom.\n\nUtenriksministeren sa at alt var bra.";
        NameTable table = NameTable.of(SentenceSplitter.split(text), false);
        RoleKey bare = RoleKey.of(List.of(), "utenriksministeren", List.of());
        assertEquals(2, table.holders(bare.head()));
        assertEquals("Anna Berg", table.resolveRole(bare, "utenriksministeren", 1));
        assertEquals("Per Dahl", table.resolveRole(bare, "utenriksministeren", 3));
    }
}
