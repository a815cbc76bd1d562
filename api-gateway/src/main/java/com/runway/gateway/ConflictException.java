package com.runway.gateway;

/** The request clashes with what already exists. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
