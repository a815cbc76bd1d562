package com.runway.gateway;

/** The read model has nothing under the requested id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
