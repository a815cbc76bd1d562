package com.runway.gateway;

import org.springframework.http.HttpStatus;

/** A request the gateway refuses before sending anything: 400 for its form, 422 for its content. */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final HttpStatus status;

    public InvalidRequestException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static InvalidRequestException badField(String field, String message) {
        return new InvalidRequestException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static InvalidRequestException unprocessable(String field, String message) {
        return new InvalidRequestException(HttpStatus.UNPROCESSABLE_ENTITY, field, message);
    }

    public String field() {
        return field;
    }

    public HttpStatus status() {
        return status;
    }
}
