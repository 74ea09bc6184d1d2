package dev.shopwright.platform.web;

import java.io.IOException;

/** The request body is larger than the API accepts. */
public class PayloadTooLarge extends IOException {

	PayloadTooLarge(long limit) {
		super("the request body is larger than " + limit + " bytes");
	}
}
