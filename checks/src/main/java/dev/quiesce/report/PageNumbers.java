package dev.quiesce.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;

/**
 * Writes "Page i of N" at the bottom right of every page once the whole PDF exists: a PDF laid out in
 * parts cannot know its page count while a part is laid out, so the CSS footer carries the run id and
 * this stamp the numbers.
 */
final class PageNumbers {
    /** Where the CSS footer's text sits: the middle of the 18 mm bottom margin, inside the 14 mm side one. */
    private static final float FROM_BOTTOM = 9f * 72 / 25.4f;
    private static final float FROM_RIGHT = 14f * 72 / 25.4f;
    private static final float SIZE = 7.5f;
    private static final Color GREY = new Color(0x57, 0x60, 0x6a);

    private PageNumbers() {}

    /** Stamps {@code unnumbered} into {@code out}. */
    static void stamp(Path unnumbered, OutputStream out, Path fontFile) throws IOException {
        PdfReader reader = new PdfReader(unnumbered.toString());
        try {
            BaseFont font = BaseFont.createFont(fontFile.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            PdfStamper stamper = new PdfStamper(reader, out);
            int pages = reader.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                Rectangle size = reader.getPageSize(page);
                PdfContentByte canvas = stamper.getOverContent(page);
                canvas.beginText();
                canvas.setFontAndSize(font, SIZE);
                canvas.setColorFill(GREY);
                canvas.showTextAligned(Element.ALIGN_RIGHT, "Page " + page + " of " + pages,
                        size.getWidth() - FROM_RIGHT, FROM_BOTTOM - SIZE / 3, 0);
                canvas.endText();
            }
            stamper.close();
        } catch (DocumentException e) {
            throw new IOException("could not number the PDF's pages: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
    }
}
