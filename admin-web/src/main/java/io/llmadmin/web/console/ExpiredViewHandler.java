package io.llmadmin.web.console;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A postback whose view state the server does not know (the session expired, the server restarted, or the state was
 * forged) loads the page afresh instead of failing as a raw 500 page: the form's input is lost either way, and a
 * fresh page is what the user can act on. Registered in faces-config.xml. A forged state is therefore no more than a
 * GET of the page, which the user could already do.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ExpiredViewHandler.class.getName());

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEventContext context = events.next().getContext();
            // Expired, or unreadable (a forged token fails to decode while the view is restored): the same reload.
            boolean unrestorable = context.getPhaseId() == PhaseId.RESTORE_VIEW
                    && context.getContext().isPostback();
            if (isExpiredView(context.getException()) || unrestorable) {
                events.remove();
                reload(FacesContext.getCurrentInstance());
                return;
            }
        }
        super.handle();
    }

    static boolean isExpiredView(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    private static void reload(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        String path = external.getRequestServletPath();
        String page =
                external.getRequestContextPath() + (path == null || path.isEmpty() ? "/console/index.xhtml" : path);
        LOG.fine(() -> "Unknown view state on " + page + ": reloading the page");
        try {
            external.redirect(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Wraps the default handler; named in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewHandler(getWrapped().getExceptionHandler());
        }
    }
}
