package dev.quiesce.report;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.XMLResourceDescriptor;
import org.openpdf.text.BadElementException;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.svg.SVGDocument;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

/**
 * Draws the charts of a PDF as vector graphics: an {@code <img>} whose source is an SVG data URI is
 * painted by Batik straight onto the page (text as outlines), instead of being rasterised to PNG and
 * decoded again, which is slow and blurry. Every other element goes to Flying Saucer's own factory.
 */
final class VectorChartFactory implements ReplacedElementFactory {
    private static final String SVG_DATA = "data:image/svg+xml;base64,";

    private final ReplacedElementFactory delegate;

    VectorChartFactory(ReplacedElementFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac, int cssWidth,
                                                 int cssHeight) {
        Element element = box.getElement();
        if (element != null && element.getNodeName().equals("img") && element.getAttribute("src").startsWith(SVG_DATA)
                && cssWidth > 0 && cssHeight > 0) {
            String svg = new String(Base64.getDecoder().decode(element.getAttribute("src").substring(SVG_DATA.length())),
                    StandardCharsets.UTF_8);
            return new Chart(parse(svg), cssWidth, cssHeight);
        }
        return delegate.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    private static GraphicsNode parse(String svg) {
        try {
            SAXSVGDocumentFactory factory = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName());
            SVGDocument document = factory.createSVGDocument("quiesce:chart", new StringReader(svg));
            UserAgentAdapter agent = new UserAgentAdapter();
            BridgeContext context = new BridgeContext(agent, new DocumentLoader(agent));
            context.setDynamicState(BridgeContext.STATIC);
            return new GVTBuilder().build(context, document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a chart quiesce drew is not valid SVG: " + e.getMessage(), e);
        }
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void remove(Element e) {
        delegate.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        delegate.setFormSubmissionListener(listener);
    }

    /** One chart, sized by its CSS width and height, painted when its page is written. */
    private static final class Chart implements ITextReplacedElement {
        private final GraphicsNode drawing;
        private final int width;
        private final int height;
        private Point location = new Point(0, 0);

        Chart(GraphicsNode drawing, int width, int height) {
            this.drawing = drawing;
            this.width = width;
            this.height = height;
        }

        @Override
        public void paint(RenderingContext c, ITextOutputDevice outputDevice, BlockBox box) {
            Rectangle bounds = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
            float points = outputDevice.getDotsPerPoint();
            float w = bounds.width / points;
            float h = bounds.height / points;
            PdfTemplate template = outputDevice.getWriter().getDirectContent().createTemplate(w, h);
            Graphics2D graphics = template.createGraphicsShapes(w, h);
            graphics.scale(w / ChartSvg.WIDTH, h / ChartSvg.HEIGHT);
            drawing.paint(graphics);
            graphics.dispose();
            try {
                Image image = Image.getInstance(template);
                image.scaleAbsolute(bounds.width, bounds.height);
                outputDevice.drawImage(new ITextFSImage(image), bounds.x, bounds.y);
            } catch (BadElementException e) {
                throw new IllegalStateException("could not place a chart: " + e.getMessage(), e);
            }
        }

        @Override
        public int getIntrinsicWidth() {
            return width;
        }

        @Override
        public int getIntrinsicHeight() {
            return height;
        }

        @Override
        public Point getLocation() {
            return location;
        }

        @Override
        public void setLocation(int x, int y) {
            location = new Point(x, y);
        }

        @Override
        public void detach(LayoutContext c) {
        }

        @Override
        public boolean isRequiresInteractivePaint() {
            return false;
        }

        @Override
        public boolean hasBaseline() {
            return false;
        }

        @Override
        public int getBaseline() {
            return 0;
        }
    }
}
