package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads PDFs with poppler-utils, the tools a reader of the report would use: pdftotext, pdfinfo,
 * pdffonts, pdfimages, pdftoppm. A missing tool fails the test (never skips it), saying what to install.
 */
final class Poppler {
    private Poppler() {}

    /** Runs a poppler tool and returns its standard output; fails on a non-zero exit. */
    static String run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return fail(command[0] + " could not be started (" + e.getMessage() + "). The PDF tests read reports "
                    + "with poppler-utils: install it (Debian/Ubuntu: apt-get install poppler-utils) and run again.");
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        try {
            int status = process.waitFor();
            if (status != 0) {
                fail(String.join(" ", command) + " exited " + status + ": " + err.join());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted waiting for " + command[0]);
        }
        return out;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every page, in order (pdftotext separates pages with a form feed). */
    static List<String> pages(Path pdf) {
        String text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
        if (pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }

    /** All the text, whitespace runs (line breaks included) made one space. */
    static String text(Path pdf) {
        return String.join(" ", pages(pdf)).replaceAll("\\s+", " ");
    }

    /** pdfinfo's "Key: value" lines. */
    static Map<String, String> info(Path pdf) {
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : run("pdfinfo", pdf.toString()).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                info.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return info;
    }

    /** pdffonts' rows as name to the value of its "emb" column. */
    static Map<String, String> fontsEmbedded(Path pdf) {
        String[] lines = run("pdffonts", pdf.toString()).split("\n");
        int emb = lines[0].indexOf(" emb ") + 1;
        if (emb <= 0) {
            fail("pdffonts printed no 'emb' column: " + lines[0]);
        }
        Map<String, String> fonts = new LinkedHashMap<>();
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                fonts.put(lines[i].split("\\s+")[0], lines[i].substring(emb, emb + 3).trim());
            }
        }
        return fonts;
    }

    /** The rows of {@code pdfimages -list}, one per image. */
    static List<String> images(Path pdf) {
        String[] lines = run("pdfimages", "-list", pdf.toString()).split("\n");
        List<String> rows = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i]);
            }
        }
        return rows;
    }

    /** Pixels of every page, rendered at 100 dpi, within a small distance of the colour {@code rgb}. */
    static long pixelsNear(Path pdf, int rgb) throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory("pages");
        try {
            run("pdftoppm", "-r", "100", "-png", pdf.toString(), dir.resolve("p").toString());
            long count = 0;
            try (java.util.stream.Stream<Path> pngs = java.nio.file.Files.list(dir)) {
                for (Path png : pngs.toList()) {
                    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
                    for (int y = 0; y < image.getHeight(); y++) {
                        for (int x = 0; x < image.getWidth(); x++) {
                            int p = image.getRGB(x, y);
                            int dr = ((p >> 16) & 0xff) - ((rgb >> 16) & 0xff);
                            int dg = ((p >> 8) & 0xff) - ((rgb >> 8) & 0xff);
                            int db = (p & 0xff) - (rgb & 0xff);
                            if (dr * dr + dg * dg + db * db < 40 * 40) {
                                count++;
                            }
                        }
                    }
                }
            }
            return count;
        } finally {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
