package org.newswire.search.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy on the analyst UI and the API: scripts, styles and requests only
 * from this origin, no inline script, no plugins, no framing. The UI renders untrusted article
 * content as text; this is the second line if that ever failed. Swagger UI (which needs inline
 * styles) keeps its own defaults.
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (!path.startsWith("/swagger-ui")) {
			response.setHeader("Content-Security-Policy", POLICY);
			response.setHeader("X-Frame-Options", "DENY");
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		chain.doFilter(request, response);
	}

}
