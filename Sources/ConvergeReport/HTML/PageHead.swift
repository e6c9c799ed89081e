/// The start of every page, up to `<body>`: the one place for the charset, the content security
/// policy and the shared style sheet, so the run report and the comparison cannot drift apart.
func pageHead(title: String, csp: String) -> Markup {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="\(csp)">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title)</title>
    <style>\(Markup(trusted: ReportStyle.css))</style>
    </head>
    """
}
