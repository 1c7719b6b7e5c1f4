package it.llmadmin.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import it.llmadmin.MissingService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The axe-core scan the console ITs run on their pages: npm's axe-core (pinned in {@code src/test/js/package.json})
 * injected into every page of a browser context before its own scripts, and the serious and critical violations of
 * the page as it is now.
 */
final class AxeScan {

    /**
     * Returns the serious and critical violations of the current page, one line per rule and node, as JSON text. The
     * page's finite CSS transitions and animations are let finish first: a button caught halfway through its colour
     * change (enabled again after a send) measured 3.73:1 against the 4.5:1 it has at rest. Endless ones (a spinner)
     * are not waited for.
     */
    private static final String SCAN = "async () => {"
            + " await Promise.all(document.getAnimations()"
            + "   .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)"
            + "   .map(a => a.finished.catch(() => null)));"
            + " const result = await axe.run(document, { resultTypes: ['violations'] });"
            + " return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + "   .flatMap(v => v.nodes.slice(0, 5).map(n => v.impact + ' ' + v.id + ' (' + v.help + '): '"
            + "     + n.target.join(' ') + ' -- ' + (n.failureSummary || '').replace(/\\s+/g, ' ')));"
            + "}";

    private AxeScan() {}

    /** Makes axe-core part of every page this context opens from now on. */
    static void inject(BrowserContext context) throws IOException {
        Path script = Paths.get(System.getProperty("it.axe.script", "src/test/js/node_modules/axe-core/axe.min.js"));
        if (!Files.isReadable(script)) {
            MissingService.skipOrFail(
                    "no axe-core at " + script + " (run `npm ci` in admin-web/src/test/js): the accessibility scan"
                            + " cannot run",
                    null);
        }
        // An init script runs before the page's own and is not subject to its Content-Security-Policy.
        context.addInitScript(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** The serious and critical violations on the page as it is now, each line starting with {@code where}. */
    @SuppressWarnings("unchecked")
    static List<String> violations(Page page, String where) {
        page.waitForLoadState();
        List<String> found = (List<String>) page.evaluate(SCAN);
        return found.stream().map(line -> where + ": " + line).toList();
    }
}
