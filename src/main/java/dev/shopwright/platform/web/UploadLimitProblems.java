package dev.shopwright.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload beyond {@code spring.servlet.multipart.max-file-size} fails while the request is parsed, before any
 * controller. Spring's default answer is a bare 413 whose error page fails the same way (the error dispatch
 * parses the upload again), so the client got no body. Answer here instead: problem+json for the APIs, the error
 * page for the console.
 */
@Component
class UploadLimitProblems implements HandlerExceptionResolver, Ordered {

	private final org.springframework.util.unit.DataSize maxFileSize;

	UploadLimitProblems(
			@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:1MB}") org.springframework.util.unit.DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof MaxUploadSizeExceededException tooLarge)) {
			return null;
		}
		long limit = tooLarge.getMaxUploadSize() > 0 ? tooLarge.getMaxUploadSize() : maxFileSize.toBytes();
		String detail = "The upload is too large" + (limit > 0 ? "; at most " + limit / 1024 / 1024 + " MB are accepted." : ".");
		if (request.getRequestURI().startsWith("/api/")) {
			try {
				ProblemResponses.write(response, Problems.of(413, "PAYLOAD_TOO_LARGE", "Payload too large", detail));
			}
			catch (IOException io) {
				throw new UncheckedIOException(io);
			}
			return new ModelAndView();
		}
		response.setStatus(413);
		ModelAndView page = new ModelAndView("error/error");
		page.addObject("status", 413);
		page.addObject("path", request.getRequestURI());
		return page;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
