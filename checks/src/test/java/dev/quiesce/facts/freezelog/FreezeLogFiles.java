package dev.quiesce.facts.freezelog;

import dev.quiesce.facts.Lines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test logs as the host-side scan would return them: like {@code grep -F -n}, only lines holding a fixed string. */
final class FreezeLogFiles {
    private FreezeLogFiles() {}

    /** The matching lines of test resource {@code freezelog/<name>}, named as {@code file} on the host. */
    static List<Lines.Line> lines(String name, String file) {
        try (InputStream in = FreezeLogFiles.class.getResourceAsStream("/freezelog/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource freezelog/" + name);
            }
            return grep(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code text} holding any of {@link FreezeLogStrings#FIXED}, numbered from 1. */
    static List<Lines.Line> grep(String text, String file) {
        List<Lines.Line> out = new ArrayList<>();
        List<String> all = text.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            if (FreezeLogStrings.matches(all.get(i))) {
                out.add(new Lines.Line(file, i + 1, all.get(i)));
            }
        }
        return out;
    }
}
