package dev.quiesce.rules;

import dev.quiesce.files.InputFile;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The text of one rule pack and the name errors use for it (a path, or {@code builtin:<file>}). */
public record RuleSource(String name, byte[] bytes) {
    /** No rule pack comes near this; a larger file is refused before it is read. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final String BUILTIN_DIR = "quiesce/rules/";
    private static final String BUILTIN_INDEX = BUILTIN_DIR + "packs.list";

    /** The pack's text; a pack that is not UTF-8 is an error at its first bad byte, not a U+FFFD. */
    public String text() {
        return InputFile.utf8(name, bytes);
    }

    /** The packs shipped in quiesce-checks, in the order {@code packs.list} gives. */
    public static List<RuleSource> builtins() {
        ClassLoader loader = RuleSource.class.getClassLoader();
        List<RuleSource> sources = new ArrayList<>();
        for (String file : resource(loader, BUILTIN_INDEX).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            sources.add(new RuleSource("builtin:" + file, resource(loader, BUILTIN_DIR + file)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return sources;
    }

    /** A pack file, or every {@code *.yaml}/{@code *.yml} file directly in a directory, by name. */
    public static List<RuleSource> from(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    List<RuleSource> sources = new ArrayList<>();
                    for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                            .sorted().toList()) {
                        sources.add(of(file));
                    }
                    if (sources.isEmpty()) {
                        throw new QuiesceException(path + ": no *.yaml rule pack in this directory");
                    }
                    return sources;
                }
            }
            if (!Files.exists(path)) {
                throw new QuiesceException(path + ": no such rule pack file or directory");
            }
            return List.of(of(path));
        } catch (IOException e) {
            throw new QuiesceException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static RuleSource of(Path file) {
        return new RuleSource(file.toString(), InputFile.bytes(file, "rule pack", MAX_BYTES));
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + name + "; the jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in resource " + name, e);
        }
    }
}
