package dev.quiesce.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for Markdown with auto-escaping: every interpolated value is written so
 * that Markdown reads it as plain text: markup characters get a backslash (valid CommonMark for any
 * ASCII punctuation), line breaks become spaces so a value cannot end a table row or start a block,
 * and control characters are shown as {@code \xNN}.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Model> {
    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();
    /**
     * The characters that can start markup inside a line: emphasis, code, links and images, HTML,
     * table cells, headings and issue links, strikethrough, entities, math and mentions. Escaping
     * only these keeps versions and paths readable when the text is pasted where Markdown is not read.
     */
    private static final String PUNCTUATION = "\\`*_[]<>|#~&$@!";

    private MarkdownOutputFormat() {}

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append("\\\\x").append(String.format("%02x", c));
            } else if (c < 0x80 && PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\').append((char) c);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Model(plainTextContent, markupContent);
    }

    /** A piece of Markdown that is already escaped. */
    public static final class Model extends CommonTemplateMarkupOutputModel<Model> {
        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
