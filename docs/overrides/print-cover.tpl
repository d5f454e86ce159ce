{#- The PDF's cover (mkdocs-print-site-plugin's cover_page_template; only `config` is in scope).
    `make pdf` fills in the edition line (date and version) when it prints. -#}
<div class="bp-cover">
  <h1 class="bp-cover__title">{{ config.site_name }}</h1>
  <p class="bp-cover__subtitle">{{ config.site_description }}</p>
  <p class="bp-cover__edition" data-bp-edition>Print edition</p>
  <p class="bp-cover__online">
    The online edition, where every code cell can be edited and run:<br>
    <a href="{{ config.site_url }}">{{ config.site_url }}</a>
  </p>
  <p class="bp-cover__meta">{{ config.site_author }}. {{ config.copyright }}</p>
</div>
