package dev.quiesce.report;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.Base64;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * The chart's SVG as a PNG data URI, for the PDF renderer (which takes raster images): Batik, which
 * Flying Saucer already brings, rasterises the very SVG the HTML shows, at twice its size for print.
 */
final class ChartPng {
    private ChartPng() {}

    static String dataUri(String svg) {
        System.setProperty("java.awt.headless", "true");
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) ChartSvg.WIDTH * 2);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(png));
        } catch (TranscoderException e) {
            throw new IllegalStateException("could not rasterise a chart: " + e.getMessage(), e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
