package dev.shopwright.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.shopwright.platform.BusinessRuleViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error of the JSON APIs as RFC 9457 problem+json: bad input is a 4xx with the offending fields
 * named, a broken business rule carries its stable code, and anything unexpected is a 500 with an
 * incident id in the log and no stack trace in the response.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(BusinessRuleViolation.class)
	ResponseEntity<Object> businessRule(BusinessRuleViolation ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.code(), title(ex.status()), ex.getMessage());
		if (!ex.fieldErrors().isEmpty()) {
			Problems.withFieldErrors(problem, Problems.fieldErrors(ex.fieldErrors()));
		}
		return problemResponse(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String detail = "'%s' is not a valid value for %s".formatted(ex.getValue(), ex.getName());
		return problemResponse(Problems.withFieldErrors(Problems.of(400, "INVALID_PARAMETER", "Invalid parameter", detail),
				List.of(new Problems.FieldError("", ex.getName(), detail))));
	}

	/** Constraints checked by a {@code @Validated} bean's method (its parameters), rather than by MVC itself. */
	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(jakarta.validation.ConstraintViolationException ex) {
		Map<String, String> errors = new java.util.TreeMap<>();
		ex.getConstraintViolations().forEach(violation -> {
			String field = "";
			for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
				field = node.getName() == null ? field : node.getName(); // the last node: the parameter or property
			}
			errors.putIfAbsent(field, violation.getMessage());
		});
		return problemResponse(Problems.withFieldErrors(
				Problems.of(400, "VALIDATION_FAILED", "Validation failed", "Some values are not valid."),
				Problems.fieldErrors(errors)));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
		return problemResponse(Problems.of(400, "INVALID_REQUEST", "Invalid request", ex.getMessage()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
		return problemResponse(Problems.of(409, "CONCURRENT_MODIFICATION", "Conflict",
				"The record was changed by someone else at the same time; read it again and retry."));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		log.warn("Constraint violation reached the API unmapped: {}", ex.getMostSpecificCause().getMessage());
		return problemResponse(Problems.of(409, "CONFLICT", "Conflict",
				"The change conflicts with existing data (a duplicate or a missing reference)."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex; // Spring Security answers these with 401/403 problems of its own
		}
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected error, incident {}", incident, ex);
		ProblemDetail problem = Problems.of(500, "INTERNAL_ERROR", "Internal error",
				"Something went wrong on our side. Quote incident " + incident + " when reporting it.");
		problem.setProperty("incident", incident);
		return problemResponse(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (hasCause(ex, PayloadTooLarge.class)) {
			return problemResponse(Problems.of(413, "PAYLOAD_TOO_LARGE", "Payload too large",
					String.valueOf(findCause(ex, PayloadTooLarge.class).getMessage())));
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			String detail = "unknown field '%s'".formatted(unknown.getPropertyName());
			return problemResponse(Problems.withFieldErrors(
					Problems.of(400, "UNKNOWN_FIELD", "Unknown field", "The request has a field this operation does not take: "
							+ field + "."),
					List.of(new Problems.FieldError(Problems.pointer(field), field, detail))));
		}
		if (cause instanceof ValueInstantiationException invalid) {
			String field = path(invalid);
			Throwable reason = invalid.getCause() != null ? invalid.getCause() : invalid;
			String detail = String.valueOf(reason.getMessage());
			return problemResponse(Problems.withFieldErrors(
					Problems.of(400, "INVALID_FIELD_VALUE", "Invalid field value", field + ": " + detail),
					List.of(new Problems.FieldError(Problems.pointer(field), field, detail))));
		}
		if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			JacksonException jackson = (JacksonException) cause;
			String field = path(jackson);
			String detail = field.isEmpty() ? "the body has the wrong shape for this operation"
					: "'%s' has the wrong type or format".formatted(field);
			return problemResponse(Problems.withFieldErrors(
					Problems.of(400, "INVALID_FIELD_TYPE", "Invalid field type", detail),
					List.of(new Problems.FieldError(Problems.pointer(field), field, detail))));
		}
		return problemResponse(Problems.of(400, "MALFORMED_BODY", "Malformed request body",
				"The request body is missing or is not valid JSON."));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationFailed(ex.getBindingResult());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> errors.putIfAbsent(
					error instanceof org.springframework.validation.FieldError fieldError ? fieldError.getField()
							: String.valueOf(result.getMethodParameter().getParameterName()),
					String.valueOf(error.getDefaultMessage()))));
		return problemResponse(Problems.withFieldErrors(
				Problems.of(400, "VALIDATION_FAILED", "Validation failed", "Some values are not valid."),
				Problems.fieldErrors(errors)));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail
				: ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
		ProblemDetail coded = Problems.of(statusCode.value(), codeFor(statusCode.value()), title(statusCode.value()),
				problem.getDetail() != null ? problem.getDetail() : title(statusCode.value()));
		return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(coded);
	}

	private ResponseEntity<Object> validationFailed(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		result.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), String.valueOf(error.getDefaultMessage())));
		result.getGlobalErrors().forEach(error -> errors.putIfAbsent("", String.valueOf(error.getDefaultMessage())));
		return problemResponse(Problems.withFieldErrors(
				Problems.of(400, "VALIDATION_FAILED", "Validation failed", "Some values are not valid."),
				Problems.fieldErrors(errors)));
	}

	static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String path(JacksonException ex) {
		List<String> parts = new ArrayList<>();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				parts.add((parts.isEmpty() ? "" : ".") + reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				parts.add("[" + reference.getIndex() + "]");
			}
		}
		return String.join("", parts);
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		return findCause(ex, type) != null;
	}

	private static @Nullable Throwable findCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return t;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	static String codeFor(int status) {
		return switch (status) {
			case 400 -> "BAD_REQUEST";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 409 -> "CONFLICT";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 422 -> "UNPROCESSABLE";
			case 429 -> "TOO_MANY_REQUESTS";
			default -> status >= 500 ? "INTERNAL_ERROR" : "ERROR";
		};
	}

	static String title(int status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
		return known != null ? known.getReasonPhrase() : "Error";
	}
}
