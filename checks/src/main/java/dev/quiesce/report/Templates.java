package dev.quiesce.report;

import dev.quiesce.model.QuiesceException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The FreeMarker setup every templated report shares: the packaged templates under
 * {@code quiesce/templates/}, overridden by file name from a user directory; XHTML auto-escaping for
 * {@code *.html.ftl} and {@code *.pdf.ftl}, Markdown auto-escaping for {@code *.md.ftl}; and no way
 * for a template to reach Java classes.
 */
public final class Templates {
    private final Configuration configuration;

    public Templates(Optional<Path> overrides) {
        configuration = new Configuration(Configuration.VERSION_2_3_33);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateLoader(loader(overrides));
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        TemplateConfiguration markdown = new TemplateConfiguration();
        markdown.setOutputFormat(MarkdownOutputFormat.INSTANCE);
        TemplateConfiguration xhtml = new TemplateConfiguration();
        xhtml.setOutputFormat(XHTMLOutputFormat.INSTANCE);
        configuration.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.md.ftl"), markdown),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.ftl"), xhtml))
                .allowNoMatch(true));
    }

    private static TemplateLoader loader(Optional<Path> overrides) {
        TemplateLoader packaged = new ClassTemplateLoader(Templates.class.getClassLoader(), "quiesce/templates");
        if (overrides.isEmpty()) {
            return packaged;
        }
        if (!Files.isDirectory(overrides.get())) {
            throw new QuiesceException("--templates " + overrides.get() + " is not a directory");
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrides.get().toFile()),
                    packaged});
        } catch (IOException e) {
            throw new QuiesceException("--templates " + overrides.get() + ": " + e.getMessage(), e);
        }
    }

    public void render(String name, Map<String, Object> model, Writer out) throws IOException {
        Template template = configuration.getTemplate(name);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new QuiesceException("template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
