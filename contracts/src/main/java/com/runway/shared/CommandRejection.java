package com.runway.shared;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Why a command handler refused a command, carried as the details of a
 * {@link CommandExecutionException} so the reason survives the hop to another JVM.
 */
public record CommandRejection(Kind kind, String message) {

    public enum Kind {
        /** The command names something that does not exist. */
        NOT_FOUND,
        /** The command is valid but the target's current state does not allow it. */
        CONFLICT,
        /** The command is well-formed but breaks a business rule on its own content. */
        UNPROCESSABLE
    }

    public static CommandExecutionException notFound(String message) {
        return exception(Kind.NOT_FOUND, message);
    }

    public static CommandExecutionException conflict(String message) {
        return exception(Kind.CONFLICT, message);
    }

    public static CommandExecutionException unprocessable(String message) {
        return exception(Kind.UNPROCESSABLE, message);
    }

    private static CommandExecutionException exception(Kind kind, String message) {
        return new CommandExecutionException(message, null, new CommandRejection(kind, message));
    }
}
