import { createApp } from "vue"
import { FrappeUI } from "frappe-ui"

import App from "./App.vue"
import router from "./router"
import { forgetWhatAnotherUserLeft, sendWhatIsWaiting } from "./waiting"
import { __ } from "./words"
import "./main.css"

const app = createApp(App)
app.use(FrappeUI)
app.use(router)
app.config.globalProperties.__ = __
app.mount("#app")

forgetWhatAnotherUserLeft().then(sendWhatIsWaiting)
window.addEventListener("online", sendWhatIsWaiting)

if ("serviceWorker" in navigator) {
	navigator.serviceWorker.register("/coach-sw.js", { scope: "/coach" }).catch(() => {})
}
