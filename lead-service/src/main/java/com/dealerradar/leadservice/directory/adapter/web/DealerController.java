package com.dealerradar.leadservice.directory.adapter.web;

import com.dealerradar.leadservice.directory.application.Directory;
import com.dealerradar.leadservice.directory.domain.Dealer;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/dealers")
class DealerController {

    private final Directory directory;

    DealerController(Directory directory) {
        this.directory = directory;
    }

    record RegisterDealer(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only") String dealerId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String region,
            @Size(max = 100) String brand) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Dealer> register(Caller caller, @Valid @RequestBody RegisterDealer body) {
        return directory.register(caller, new Dealer(body.dealerId(), body.name(), body.region(), body.brand()));
    }

    @GetMapping("/{dealerId}")
    Mono<Dealer> get(Caller caller, @PathVariable String dealerId) {
        return directory.get(caller, dealerId);
    }

    @GetMapping
    Mono<PageOf<Dealer>> list(Caller caller, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return directory.list(caller, Paging.of(page, size));
    }
}
