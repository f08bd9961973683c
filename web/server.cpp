// `trellis serve`: routes, sessions, CSRF, sign-in limits and security
// headers around the pages and forms. The kernel's objects (database, plugin
// host and its Lua sandboxes, calendars) are not thread-safe, so every
// request's kernel work runs under one lock; sessions have their own.
#include <httplib.h>
#include <openssl/crypto.h>

#include <iostream>
#include <mutex>

#include "dashboard.hpp"
#include "sessions.hpp"
#include "templates.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/views.hpp"
#include "trellis/web/serve.hpp"

namespace trellis::web {
namespace {

constexpr const char* kCookie = "trellis_session";
constexpr const char* kHtml = "text/html; charset=utf-8";

Instant now() { return std::chrono::steady_clock::now(); }

std::string cookie_token(const httplib::Request& req) {
  const std::string header = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  std::size_t at = 0;
  while (at < header.size()) {
    while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
    const std::size_t end = std::min(header.find(';', at), header.size());
    if (header.compare(at, key.size(), key) == 0) return header.substr(at + key.size(), end - at - key.size());
    at = end;
  }
  return "";
}

void set_cookie(httplib::Response& res, const std::string& token, bool expire = false) {
  res.set_header("Set-Cookie", std::string(kCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
                                   (expire ? "; Max-Age=0" : ""));
}

bool same_token(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Form form_of(const httplib::Request& req) {
  Form f;
  for (const auto& [k, v] : req.params) f[k] = v;
  return f;
}

std::optional<std::string> param(const httplib::Request& req, const std::string& name) {
  if (!req.has_param(name.c_str()) || req.get_param_value(name.c_str()).empty()) return std::nullopt;
  return req.get_param_value(name.c_str());
}

std::optional<std::int64_t> urn_param(const httplib::Request& req) {
  const auto s = param(req, "school");
  if (!s) return std::nullopt;
  try {
    std::size_t used = 0;
    const long long v = std::stoll(*s, &used);
    if (used == s->size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  throw UsageError("school: expected a URN (a whole number), found \"" + s->substr(0, 32) + "\"", Field::school);
}

class Dashboard {
 public:
  Dashboard(Database& db, PluginHost& host, const Clock& clock, const ServeOptions& o)
      : db_(db), host_(host), clock_(clock), sessions_(o.idle) {}

  void routes(httplib::Server& s) {
    s.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                     "frame-ancestors 'none'; base-uri 'none'");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("X-Frame-Options", "DENY");
      res.set_header("Referrer-Policy", "same-origin");
      res.set_header("Cache-Control", "no-store");
    });
    s.Get("/style.css", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(templates().at("style.css"), "text/css; charset=utf-8");
    });
    s.Get("/signin", [this](const httplib::Request& req, httplib::Response& res) { signin_form(req, res, "", 200); });
    s.Post("/signin", [this](const httplib::Request& req, httplib::Response& res) { sign_in(req, res); });
    s.Post("/signout", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string token = cookie_token(req);
      const auto session = sessions_.find(token, now());
      if (!session || !same_token(req.get_param_value("csrf"), session->csrf)) return refuse_csrf(res);
      sessions_.close(token);
      set_cookie(res, "", true);
      res.set_redirect("/signin", 303);
    });
    s.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
      page(req, res, [](Context& c) {
        return home_page(c);
      });
    });
    s.Get(R"(/body/([A-Za-z0-9_.-]+))", [this](const httplib::Request& req, httplib::Response& res) {
      page(req, res, [&](Context& c) { return body_page(c, req.matches[1], param(req, "period")); });
    });
    s.Get(R"(/school/(\d{1,12}))", [this](const httplib::Request& req, httplib::Response& res) {
      page(req, res, [&](Context& c) {
        return school_page(c, std::stoll(req.matches[1]), param(req, "body"), param(req, "period"));
      });
    });
    s.Get(R"(/calendar/([A-Za-z0-9_.-]+)\.ics)", [this](const httplib::Request& req, httplib::Response& res) {
      file(req, res, [&](Context& c) { return calendar_ics(c, req.matches[1], param(req, "year"), urn_param(req)); },
           "text/calendar; charset=utf-8");
    });
    s.Get(R"(/calendar/([A-Za-z0-9_-]+))", [this](const httplib::Request& req, httplib::Response& res) {
      page(req, res, [&](Context& c) {
        return calendar_page(c, req.matches[1], param(req, "year"), urn_param(req), param(req, "show").value_or("all"));
      });
    });
    s.Get(R"(/compare/([A-Za-z0-9_-]+))", [this](const httplib::Request& req, httplib::Response& res) {
      page(req, res, [&](Context& c) {
        return compare_page(c, req.matches[1], param(req, "period"), param(req, "with"), urn_param(req));
      });
    });
    s.Post(R"(/school/(\d{1,12})/rate)", [this](const httplib::Request& req, httplib::Response& res) {
      post(req, res, [&](Context& c) { return post_rating(c, std::stoll(req.matches[1]), form_of(req)); });
    });
    s.Post(R"(/school/(\d{1,12})/review)", [this](const httplib::Request& req, httplib::Response& res) {
      post(req, res, [&](Context& c) { return post_review(c, std::stoll(req.matches[1]), form_of(req)); });
    });
    s.Post(R"(/note/(\d{1,12})/respond)", [this](const httplib::Request& req, httplib::Response& res) {
      post(req, res, [&](Context& c) { return post_response(c, std::stoll(req.matches[1]), form_of(req)); });
    });
    s.Post(R"(/activity/(\d{1,12})/done)", [this](const httplib::Request& req, httplib::Response& res) {
      post(req, res, [&](Context& c) { return post_done(c, std::stoll(req.matches[1]), form_of(req)); });
    });
    s.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 404) send(res, 404, "Not found", error_data("Not found", "There is no such page.", ""), {});
    });
  }

 private:
  Database& db_;
  PluginHost& host_;
  const Clock& clock_;
  Sessions sessions_;
  // Five tries for one person; more from one address, which people behind one school's router share.
  SignInLimit person_limit_{5}, address_limit_{20};
  std::mutex kernel_;  // the database, plugin host, Lua sandbox and calendars: one request at a time

  struct Signed {
    std::string token;
    Session session;
  };

  std::optional<Signed> signed_in(const httplib::Request& req) {
    const std::string token = cookie_token(req);
    auto s = sessions_.find(token, now());
    if (!s || s->person.empty()) return std::nullopt;
    return Signed{token, *s};
  }

  Data error_data(const std::string& heading, const std::string& message, const std::string& field) {
    Data d;
    d.set("heading", text(heading));
    d.set("message", text(message));
    if (!field.empty()) d.set("field", text(field));
    d.set("back", text("/"));
    return d;
  }

  /// The page inside the layout. `who`: the signed-in person, for the navigation.
  void send(httplib::Response& res, int status, const std::string& title, const Data& content,
            const std::optional<std::pair<Actor, std::string>>& who, const std::string& content_template = "error.mustache") {
    Data layout;
    layout.set("title", text(title));
    layout.set("content", text(render(content_template, content)));
    layout.set("today", text(clock_.today()));
    if (who) {
      Data p;
      p.set("name", text(who->first.name));
      p.set("role", text(std::string(to_string(who->first.role))));
      p.set("csrf", text(who->second));
      if (who->first.school) p.set("school", text(std::to_string(*who->first.school)));
      Data bodies = list();
      for (const auto& b : readable_bodies(db_, who->first, clock_.today())) {
        if (who->first.role == Role::head) continue;  // a head's page is their school
        Data x;
        x.set("id", text(b));
        bodies.push_back(x);
      }
      p.set("bodies", bodies);
      layout.set("person", p);
    }
    res.status = status;
    res.set_content(render("layout.mustache", layout), kHtml);
  }

  void refuse_csrf(httplib::Response& res) {
    send(res, 403, "Refused",
         error_data("Refused", "The form's security token is missing or out of date, so nothing was done. "
                               "Reload the page and send the form again.", "csrf"), {});
  }

  /// Runs `work` for the signed-in person under the kernel lock, turning kernel errors into pages.
  template <typename Work>
  void as_person(const httplib::Request& req, httplib::Response& res, const Signed& s, Work&& work) {
    std::lock_guard lock(kernel_);
    std::optional<Actor> actor = find_person(db_, s.session.person);
    if (!actor) {  // removed since signing in
      sessions_.close(s.token);
      return res.set_redirect("/signin", 303);
    }
    Context c{db_, host_, clock_, *actor, s.session.csrf, Date::parse(clock_.today())};
    const std::optional<std::pair<Actor, std::string>> who{{*actor, s.session.csrf}};
    try {
      work(c, who);
    } catch (const NotPermitted& e) {
      send(res, 403, "Not permitted", error_data("Not permitted", e.what(), ""), who);
    } catch (const Error& e) {
      const bool missing = e.remedy().kind == Remedy::Kind::see_schools || e.remedy().kind == Remedy::Kind::see_bodies;
      const int status = req.method == "GET" && missing ? 404 : 400;
      send(res, status, "Not done", error_data(status == 404 ? "Not found" : "Nothing was changed", e.what(),
                                               std::string(name(e.field()))), who);
    } catch (const std::exception& e) {
      std::cerr << "trellis serve: internal error on " << req.method << " " << req.path << ": " << e.what() << "\n";
      send(res, 500, "Internal error", error_data("Internal error", "Something went wrong; nothing was changed.", ""), who);
    }
  }

  template <typename Build>
  void page(const httplib::Request& req, httplib::Response& res, Build&& build) {
    const auto s = signed_in(req);
    if (!s) return res.set_redirect("/signin", 303);
    as_person(req, res, *s, [&](Context& c, const auto& who) {
      Page p = build(c);
      p.data.set("csrf", text(c.csrf));
      send(res, 200, p.title, p.data, who, p.template_name);
    });
  }

  template <typename Build>
  void file(const httplib::Request& req, httplib::Response& res, Build&& build, const std::string& type) {
    const auto s = signed_in(req);
    if (!s) return res.set_redirect("/signin", 303);
    as_person(req, res, *s, [&](Context& c, const auto&) {
      res.set_content(build(c), type);
      res.set_header("Content-Disposition", "attachment; filename=\"trellis.ics\"");
    });
  }

  template <typename Act>
  void post(const httplib::Request& req, httplib::Response& res, Act&& act) {
    const auto s = signed_in(req);
    if (!s) return res.set_redirect("/signin", 303);
    if (!same_token(req.get_param_value("csrf"), s->session.csrf)) return refuse_csrf(res);
    as_person(req, res, *s, [&](Context& c, const auto&) { res.set_redirect(act(c), 303); });
  }

  void signin_form(const httplib::Request& req, httplib::Response& res, const std::string& error, int status) {
    std::string token = cookie_token(req);
    auto session = sessions_.find(token, now());
    if (!session) {
      token = sessions_.open("", now());
      session = sessions_.find(token, now());
      set_cookie(res, token);
    }
    Data d;
    d.set("csrf", text(session->csrf));
    if (!error.empty()) d.set("error", text(error));
    if (req.has_param("person")) d.set("person", text(req.get_param_value("person")));
    send(res, status, "Sign in", d, {}, "signin.mustache");
  }

  void sign_in(const httplib::Request& req, httplib::Response& res) {
    const std::string old = cookie_token(req);
    const auto visitor = sessions_.find(old, now());
    if (!visitor || !same_token(req.get_param_value("csrf"), visitor->csrf)) return refuse_csrf(res);
    const std::string id = req.get_param_value("person");
    const std::string by_id = "person:" + id, by_address = "address:" + req.remote_addr;
    if (!person_limit_.allowed(by_id, now()) || !address_limit_.allowed(by_address, now()))
      return signin_form(req, res, "Too many failed sign-ins: wait 15 minutes, then try again.", 429);
    std::optional<Actor> actor;
    {
      std::lock_guard lock(kernel_);
      actor = trellis::sign_in(db_, clock_, id, req.get_param_value("password"));
    }
    if (!actor) {
      person_limit_.failed(by_id, now());
      address_limit_.failed(by_address, now());
      return signin_form(req, res, "That id and password do not match a person who may sign in.", 401);
    }
    person_limit_.succeeded(by_id);
    // A new session at sign-in: whatever token was known before is worth nothing now.
    sessions_.close(old);
    set_cookie(res, sessions_.open(actor->id, now()));
    res.set_redirect(actor->role == Role::head && actor->school ? "/school/" + std::to_string(*actor->school) : "/",
                     303);
  }
};

}  // namespace

void serve(Database& db, PluginHost& host, const Clock& clock, const ServeOptions& options,
           const std::function<void(int port)>& listening) {
  httplib::Server server;
  const int threads = std::max(1, options.worker_threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server.set_payload_max_length(1 << 20);
  Dashboard dashboard(db, host, clock, options);
  dashboard.routes(server);
  const int port = options.port == 0 ? server.bind_to_any_port(options.bind) : options.port;
  if (port < 0 || (options.port != 0 && !server.bind_to_port(options.bind, options.port)))
    throw UsageError("cannot listen on " + options.bind + ":" + std::to_string(options.port) +
                     " (in use, or not an address of this machine)");
  listening(port);
  server.listen_after_bind();
}

}  // namespace trellis::web
