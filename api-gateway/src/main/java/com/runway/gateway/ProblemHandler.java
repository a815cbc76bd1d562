package com.runway.gateway;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.runway.shared.CommandRejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.io.CharConversionException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Every error answer is an RFC 9457 problem document. Client mistakes name the field at fault;
 * refusals from the domain keep the reason its command handler gave.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:runway:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail invalidField(String field, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return problem;
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .sorted(java.util.Comparator.comparing(FieldError::getField))
                .map(e -> Map.of("field", e.getField(), "message", e.getField() + " " + e.getDefaultMessage()))
                .toList();
        String detail = errors.stream().map(e -> e.get("message")).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return Mono.just(answer(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(inputProblem(ex));
    }

    @ExceptionHandler({DataBufferLimitException.class, PayloadTooLargeException.class})
    ResponseEntity<Object> tooLarge(Exception ex) {
        return answer(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "payload-too-large", "Request body too large", "the request body exceeds the size this API accepts"));
    }

    private ResponseEntity<Object> inputProblem(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException || cause instanceof CharConversionException) {
                return answer(problem(HttpStatus.BAD_REQUEST, "malformed-json",
                        "Malformed JSON", "the request body is not well-formed JSON in UTF-8"));
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException limit) {
                return tooLarge(limit);
            }
            if (cause instanceof TypeMismatchException mismatch) {
                return answer(invalidField(mismatch.getPropertyName(),
                        mismatch.getPropertyName() + " must be " + typeName(mismatch.getRequiredType())));
            }
            if (cause instanceof JsonMappingException mapping) {
                return answer(jsonMappingProblem(mapping));
            }
        }
        String reason = ex instanceof ServerWebInputException input && input.getReason() != null ? input.getReason() : "unreadable request";
        return answer(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", reason));
    }

    private static ProblemDetail jsonMappingProblem(JsonMappingException mapping) {
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "body";
        }
        String detail;
        if (mapping instanceof UnrecognizedPropertyException) {
            detail = field + " is not a known field";
        } else if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            detail = field + ": " + instantiation.getCause().getMessage();
        } else if (mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            detail = field + " must be " + typeName(((MismatchedInputException) mapping).getTargetType());
        } else {
            detail = field + " is invalid";
        }
        return invalidField(field, detail);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class) {
            return "a decimal number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a JSON object";
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        ProblemDetail problem = ex.status() == HttpStatus.BAD_REQUEST
                ? problem(ex.status(), "invalid-request", "Invalid request", ex.getMessage())
                : problem(ex.status(), "unprocessable", "Request breaks a business rule", ex.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return answer(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return answer(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return answer(problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage()));
    }

    @ExceptionHandler({CommandExecutionException.class, AggregateNotFoundException.class, ConcurrencyException.class,
            AggregateStreamCreationException.class, LockAcquisitionFailedException.class,
            TimeoutException.class, CompletionException.class})
    ResponseEntity<Object> commandFailure(Exception ex) {
        Throwable failure = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (failure instanceof CommandExecutionException execution) {
            return execution.getDetails()
                    .filter(CommandRejection.class::isInstance)
                    .map(CommandRejection.class::cast)
                    .map(ProblemHandler::rejection)
                    .orElseGet(() -> unexpected(execution));
        }
        if (failure instanceof AggregateNotFoundException) {
            return answer(problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "nothing exists under that id"));
        }
        if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException) {
            return answer(problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                    "it already exists or was changed concurrently"));
        }
        if (failure instanceof LockAcquisitionFailedException) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                            "another change to the same item was in progress; retry with the same Idempotency-Key"));
        }
        if (failure instanceof TimeoutException) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "timeout", "Timed out",
                            "no answer in time; the request may still take effect, retry with the same Idempotency-Key"));
        }
        return unexpected(failure);
    }

    private static ResponseEntity<Object> rejection(CommandRejection rejection) {
        return switch (rejection.kind()) {
            case NOT_FOUND -> answer(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", rejection.message()));
            case CONFLICT -> answer(problem(HttpStatus.CONFLICT, "conflict", "Conflict with the current state", rejection.message()));
            case UNPROCESSABLE -> answer(problem(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "Request breaks a business rule", rejection.message()));
        };
    }

    private static ResponseEntity<Object> unexpected(Throwable failure) {
        log.error("Request failed unexpectedly", failure);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", "Internal error", "the request could not be completed"));
    }
}
