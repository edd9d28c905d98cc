package dev.quiesce.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TrueType fonts embedded in PDFs. Without an embedded font the PDF falls back to Helvetica,
 * which silently drops anything outside Latin-1 (✓, Ω, Cyrillic, CJK). DejaVu covers Latin, Greek,
 * Cyrillic, Arabic, Hebrew and symbols; Droid Sans Fallback covers Chinese and Japanese (Debian's has
 * no Hangul), drawn through {@link PdfGlyphFallback}. Debian packages:
 * fonts-dejavu-core and fonts-droid-fallback; {@code QUIESCE_FONT_DIRS} (colon-separated) adds
 * directories to search.
 */
final class PdfFonts {
    static final List<String> FILES = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf",
            "DejaVuSansMono-Bold.ttf", "DroidSansFallbackFull.ttf");
    private static final List<String> DIRECTORIES = List.of("/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/truetype/droid", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
            "/usr/share/fonts/google-droid-sans-fonts", "/Library/Fonts", "/usr/local/share/fonts");

    private PdfFonts() {}

    /** The font files found, in {@link #FILES} order. */
    static List<Path> find() {
        String extra = System.getenv("QUIESCE_FONT_DIRS");
        List<String> directories = new java.util.ArrayList<>();
        if (extra != null) {
            directories.addAll(List.of(extra.split(":")));
        }
        directories.addAll(DIRECTORIES);
        List<Path> found = new java.util.ArrayList<>();
        for (String file : FILES) {
            directories.stream().map(d -> Path.of(d, file)).filter(Files::isRegularFile).findFirst()
                    .ifPresent(found::add);
        }
        return found;
    }
}
