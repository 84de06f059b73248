package org.newswire.search.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Search errors as JSON {@code {status, error, message}}: 400 for bad parameters, 503 when Elasticsearch is away. */
@RestControllerAdvice(basePackages = "org.newswire.search")
class SearchErrors {

	record ErrorResponse(int status, String error, String message) {

		static ResponseEntity<ErrorResponse> of(HttpStatus status, String message) {
			return ResponseEntity.status(status)
				.body(new ErrorResponse(status.value(), status.getReasonPhrase(), message));
		}

	}

	@ExceptionHandler
	ResponseEntity<ErrorResponse> invalid(InvalidSearchException ex) {
		return ErrorResponse.of(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ErrorResponse> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return ErrorResponse.of(HttpStatus.BAD_REQUEST, ex.getName() + " must be a number, was '" + ex.getValue() + "'");
	}

	@ExceptionHandler
	ResponseEntity<ErrorResponse> unavailable(SearchUnavailableException ex) {
		return ErrorResponse.of(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage() + "; try again later");
	}

}
