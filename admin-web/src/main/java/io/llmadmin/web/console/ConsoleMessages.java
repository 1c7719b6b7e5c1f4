package io.llmadmin.web.console;

import io.llmadmin.services.changes.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;

/** The console's way of saying what happened: one message for the page, or one next to each refused input. */
final class ConsoleMessages {

    private ConsoleMessages() {}

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** What a form says when its entity changed since it was opened ({@code what}: "key", "budget"). */
    static String changedSinceOpened(String what) {
        return "Someone else changed this " + what + " since you opened it: cancel and edit it again to see their"
                + " change.";
    }

    /** What a list says when a row changed since it was shown (the list is read again). */
    static String changedSinceListed(String name) {
        return name + " was changed by someone else since the list was shown; the list now shows it as it is: try"
                + " again.";
    }

    /** What a page says of an entity someone deleted meanwhile ({@code what}: "gateway key 7", "route r"). */
    static String deletedMeanwhile(String what) {
        return "No " + what + " any more: someone deleted it.";
    }

    /** An error next to one input. */
    static void fieldError(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    /**
     * The service's field errors next to their inputs ({@code inputs} maps a field to a client id; a field it does not
     * name, or a nested one it only names the start of, goes to the page with its name).
     */
    static void fieldErrors(List<FieldError> errors, Map<String, String> inputs) {
        for (FieldError error : errors) {
            String clientId = inputs.get(error.field());
            if (clientId == null) {
                String base = error.field().replaceAll("\\[\\d+]$", "");
                clientId = inputs.get(base);
            }
            if (clientId == null) {
                error(error.field() + " " + error.message());
            } else {
                fieldError(clientId, error.message());
            }
        }
        FacesContext.getCurrentInstance().validationFailed();
    }
}
