package dev.shopwright.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the container shows when nothing else answered (no such page, a method not allowed, a failure
 * before MVC): problem+json under {@code /api/}, a proper page everywhere else.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri != null ? uri.toString() : request.getRequestURI();
		if (path.startsWith("/api/")) {
			String detail = switch (status) {
				case 404 -> "There is no API operation at " + path + ".";
				case 405 -> "This API operation does not take that HTTP method.";
				default -> ApiProblems.title(status) + ".";
			};
			ProblemDetail problem = Problems.of(status, ApiProblems.codeFor(status), ApiProblems.title(status), detail);
			return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("path", path);
		return "error/error";
	}
}
